package id.desadigital.budget.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageRegistered;
import reactor.core.publisher.Mono;

/**
 * Benchmark, not a test: how long a running budget-service takes to catch up with a national import. Publishes one
 * {@code VillageRegistered} per village (83,762 by default, the size of the national list) to {@code village-events}
 * as village-service's relay would, then watches budget-service's {@code known_villages} until every one of them is
 * there. Village codes carry a tag unique to the run, so runs can follow each other on the same stack.
 *
 * <p>Needs a running stack (./run.sh). Run from the repository root, for a stack started on the bench ports:
 * <pre>
 * ./mvnw -q -o -pl budget-service -am -Pvillage-feed-bench process-test-classes \
 *     -Dbench.kafka=localhost:19092 -Dbench.mongo=mongodb://localhost:27117 \
 *     -Dbench.storePid=$(ss -ltnpH 'sport = :27117' | grep -o 'pid=[0-9]*' | cut -d= -f2) \
 *     -Dbench.budgetPid=$(ss -ltnpH 'sport = :18082' | grep -o 'pid=[0-9]*' | cut -d= -f2)
 * </pre>
 * Settings (system properties): {@code bench.kafka}, {@code bench.mongo}, {@code bench.database} (budget),
 * {@code bench.villages} (83762), {@code bench.timeout} (PT30M); {@code bench.storePid} and {@code bench.budgetPid}
 * optionally name the store and budget-service processes, whose CPU time during the run is then reported.
 */
public final class VillageFeedCatchUp {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** Linux reports process CPU time in clock ticks; 100 per second on every common kernel configuration. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private VillageFeedCatchUp() {
    }

    public static void main(String[] args) throws Exception {
        // Without a configuration logback logs everything the Kafka and Mongo clients say at DEBUG.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String bootstrap = System.getProperty("bench.kafka", "localhost:19092");
        String mongoUri = System.getProperty("bench.mongo", "mongodb://localhost:27117");
        String database = System.getProperty("bench.database", "budget");
        int villages = Integer.getInteger("bench.villages", 83_762);
        Duration timeout = Duration.parse(System.getProperty("bench.timeout", "PT30M"));
        Long storePid = Long.getLong("bench.storePid");
        Long budgetPid = Long.getLong("bench.budgetPid");
        String runTag = "R" + Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase(Locale.ROOT);

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoCollection<Document> known = mongo.getDatabase(database).getCollection("known_villages");
            long before = count(known);
            System.out.printf("run %s: %,d villages to %s, watching %s/%s.known_villages (%,d documents now)%n",
                    runTag, villages, bootstrap, mongoUri, database, before);
            System.out.printf("load average at start: %s%n", loadAverage());
            double storeCpuBefore = cpuSeconds(storePid);
            double budgetCpuBefore = cpuSeconds(budgetPid);

            long start = System.nanoTime();
            double published = publish(bootstrap, runTag, villages) / 1e9;
            System.out.printf("published %,d events in %.1f s%n", villages, published);

            long target = before + villages;
            long deadline = start + timeout.toNanos();
            long nextProgress = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
            long now = count(known);
            while (now < target) {
                if (System.nanoTime() > deadline) {
                    System.out.printf("gave up after %s: %,d of %,d villages arrived%n", timeout, now - before,
                            villages);
                    System.exit(1);
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
                now = count(known);
                if (System.nanoTime() > nextProgress) {
                    System.out.printf("  %5.1f s: %,d of %,d%n", (System.nanoTime() - start) / 1e9, now - before,
                            villages);
                    nextProgress += PROGRESS_INTERVAL.toNanos();
                }
            }
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf("all %,d villages in known_villages %.1f s after the first publish "
                    + "(%.1f s after the last): %,.0f events/s%n", villages, total, total - published,
                    villages / total);
            if (storePid != null) {
                System.out.printf("store CPU during the run: %.1f s%n", cpuSeconds(storePid) - storeCpuBefore);
            }
            if (budgetPid != null) {
                System.out.printf("budget-service CPU during the run: %.1f s%n",
                        cpuSeconds(budgetPid) - budgetCpuBefore);
            }
            System.out.printf("load average at end: %s%n", loadAverage());
        }
    }

    /** Sends every event without waiting for each; returns the nanoseconds until the broker acknowledged all. */
    private static long publish(String bootstrap, String runTag, int villages) {
        Properties settings = new Properties();
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "10",
                ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024)));
        EventCodec codec = VillageEvents.codec();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < villages; i++) {
                EventEnvelope<VillageRegistered> event = registered(runTag, i);
                producer.send(new ProducerRecord<>(Topics.VILLAGE_EVENTS, event.key(), codec.encode(event)),
                        (metadata, exception) -> {
                            if (exception != null) {
                                failure.compareAndSet(null, exception);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed", failure.get());
        }
        return System.nanoTime() - start;
    }

    /**
     * A village of the national list's shape (12 villages a district, 14 districts a regency, 15 regencies a
     * province, which gives about the national counts); the run tag in front of the province code keeps runs apart.
     */
    private static EventEnvelope<VillageRegistered> registered(String runTag, int index) {
        int district = index / 12;
        int regency = district / 14;
        int province = regency / 15;
        String provinceCode = runTag + String.format(Locale.ROOT, "%02d", province);
        String regencyCode = provinceCode + String.format(Locale.ROOT, ".%02d", regency % 15);
        String districtCode = regencyCode + String.format(Locale.ROOT, ".%02d", district % 14);
        String code = districtCode + String.format(Locale.ROOT, ".%04d", 2001 + index % 12);
        VillageRegistered payload = new VillageRegistered(code, "Desa Bench " + index, "DESA", districtCode,
                "Kecamatan " + district, regencyCode, "Kabupaten " + regency, provinceCode, "Provinsi " + province,
                "ACTIVE");
        return new EventEnvelope<>(UUID.randomUUID().toString(), VillageEvents.VILLAGE_REGISTERED, Instant.now(),
                "bench", code, 1, payload);
    }

    private static long count(MongoCollection<Document> collection) {
        // The collection's own count: no filter, so the store answers without reading a document.
        return Mono.from(collection.estimatedDocumentCount()).blockOptional().orElse(0L);
    }

    private static double cpuSeconds(Long pid) throws IOException {
        if (pid == null) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
        // Fields after the command name (which may hold spaces) start at the last ')'; utime and stime are the
        // 14th and 15th fields of the line, the 12th and 13th after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
