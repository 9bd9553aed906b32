package id.desadigital.village.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.budget.AllocationAdjusted;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.contracts.budget.SpendingReversed;

/**
 * Benchmark load, not a test: publishes a budget ledger's worth of events to {@code budget-events} of a running
 * stack, as budget-service's relay would, so that rebuilding village-service's budget figures from the topic
 * ({@code ./replay.sh budget-figures}, docs/operations.md) can be timed on a known number of events. Each village
 * gets an allocation, then spending, reversals of some of it and an adjustment, in sequence; villages take turns, as
 * they do in a real ledger. Village codes are {@code 91.<run>.<district>.<village>}, so runs on one stack use
 * villages of their own.
 *
 * <p>Run from the repository root against a stack started on the bench ports (docs/operations.md):
 * <pre>
 * ./mvnw -q -o -pl village-service -am -Pbudget-events-bench process-test-classes -Dbench.kafka=localhost:19092
 * </pre>
 * Settings (system properties): {@code bench.kafka} (localhost:19092), {@code bench.villages} (10000, at most
 * 10000), {@code bench.eventsPerVillage} (10), {@code bench.run} (1, 1 to 99).
 */
public final class BudgetEventsGenerator {

    private static final int MAX_VILLAGES = 10_000;
    private static final int FISCAL_YEAR = 2026;
    private static final long ALLOCATION = 50_000_000;
    private static final long SPENDING = 100_000;

    private BudgetEventsGenerator() {
    }

    public static void main(String[] args) {
        // Without a configuration logback logs everything the Kafka client says at DEBUG.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String bootstrap = System.getProperty("bench.kafka", "localhost:19092");
        int villages = Integer.getInteger("bench.villages", MAX_VILLAGES);
        int perVillage = Integer.getInteger("bench.eventsPerVillage", 10);
        int run = Integer.getInteger("bench.run", 1);
        if (villages < 1 || villages > MAX_VILLAGES || perVillage < 1 || run < 1 || run > 99) {
            throw new IllegalArgumentException("bench.villages 1.." + MAX_VILLAGES + ", bench.eventsPerVillage 1 or "
                    + "more, bench.run 1..99");
        }

        Properties settings = new Properties();
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "10",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024)));
        EventCodec codec = BudgetEvents.codec();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (int sequence = 1; sequence <= perVillage; sequence++) {
                for (int village = 0; village < villages; village++) {
                    EventEnvelope<?> event = event(code(run, village), sequence);
                    producer.send(new ProducerRecord<>(Topics.BUDGET_EVENTS, event.key(), codec.encode(event)),
                            (metadata, exception) -> {
                                if (exception != null) {
                                    failure.compareAndSet(null, exception);
                                }
                            });
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed", failure.get());
        }
        System.out.printf("published %,d budget events (%,d villages 91.%02d.*, %d each) to %s in %.1f s%n",
                (long) villages * perVillage, villages, run, perVillage, bootstrap,
                (System.nanoTime() - start) / 1e9);
    }

    private static String code(int run, int village) {
        return String.format(Locale.ROOT, "91.%02d.%02d.%04d", run, village / 100, 2001 + village % 100);
    }

    /**
     * The village's event at {@code sequence}: its allocation first, then spending, every fourth a reversal of an
     * amount spent before it, and every seventh an increase of the allocation.
     */
    private static EventEnvelope<?> event(String code, int sequence) {
        String allocation = UUID.nameUUIDFromBytes(code.getBytes()).toString();
        String program = "0f3c9a52-6d1e-4b8a-9c27-5e4d3b2a1f00";
        if (sequence == 1) {
            return envelope(BudgetEvents.FUNDS_ALLOCATED, code, sequence,
                    new FundsAllocated(allocation, program, FISCAL_YEAR, code, ALLOCATION, "Internet desa"));
        }
        if (sequence % 7 == 0) {
            return envelope(BudgetEvents.ALLOCATION_ADJUSTED, code, sequence,
                    new AllocationAdjusted(allocation, program, FISCAL_YEAR, code, 1_000_000, 1_000_000,
                            "Harga modem berubah"));
        }
        String spending = UUID.nameUUIDFromBytes((code + "/" + sequence).getBytes()).toString();
        if (sequence % 4 == 0) {
            return envelope(BudgetEvents.SPENDING_REVERSED, code, sequence,
                    new SpendingReversed(spending, allocation, program, FISCAL_YEAR, code, SPENDING, "Nota ganda"));
        }
        return envelope(BudgetEvents.SPENDING_RECORDED, code, sequence,
                new SpendingRecorded(spending, allocation, program, FISCAL_YEAR, code, SPENDING,
                        LocalDate.of(FISCAL_YEAR, 3, 2), "HARDWARE", "Laptop operator SID", "CV Maju Jaya",
                        "INV/" + FISCAL_YEAR + "/" + sequence));
    }

    private static <P> EventEnvelope<P> envelope(String type, String code, long sequence, P payload) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), type, Instant.now(), "bench", code, sequence,
                payload);
    }
}
