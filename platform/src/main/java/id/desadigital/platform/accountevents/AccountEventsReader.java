package id.desadigital.platform.accountevents;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.account.AccountEvents;
import id.desadigital.contracts.account.AccountStateChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * Reads account-events into {@link AccountStates} on a thread of its own: every partition assigned by hand and read
 * from the beginning, with no consumer group and no committed offsets, because the states live in memory and must
 * be whole after every start. It counts as caught up once it has read as far as each partition reached when it
 * started; what comes later it applies as it comes.
 * <p>
 * Started before the web server, and start-up waits (up to {@code startup-wait}) for the catch-up, so a service
 * opens its port already knowing every account change published before it.
 */
public final class AccountEventsReader implements SmartLifecycle {

    /** Earlier than the web server (which starts late and stops early), so requests meet a reader that runs. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(AccountEventsReader.class);

    private final Map<String, Object> consumerConfig;
    private final AccountStates states;
    private final AccountEventsProperties properties;
    private final MeterRegistry registry;
    private final String clientId;
    private final EventCodec codec = AccountEvents.codec();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /**
     * @param kafkaConfig the service's consumer settings (brokers, security); the group and offset settings are
     *                    replaced, since this reader has neither
     * @param registry    where the consumer's own metrics (its lag among them) are published; null for nowhere
     */
    public AccountEventsReader(Map<String, Object> kafkaConfig, AccountStates states,
            AccountEventsProperties properties, String clientId, MeterRegistry registry) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The gateway or a service declares the topic compacted; a broker creating it on a read would not.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        this.consumerConfig = Map.copyOf(config);
        this.states = states;
        this.properties = properties;
        this.registry = registry;
        this.clientId = clientId;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "account-events");
        thread.setDaemon(true);
        thread.start();
        if (states.awaitCaughtUp(properties.startupWait())) {
            log.info("Read {} to its end: {} accounts have changes that end tokens", properties.topic(),
                    states.size());
        } else {
            log.warn("Could not read {} to its end within {}; until it is, requests with a token wait up to {} and "
                    + "are then refused with 503", properties.topic(), properties.startupWait(),
                    properties.requestWait());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread reading = thread;
        if (reading != null) {
            try {
                reading.join(properties.brokerTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void run() {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = reader;
            // A plain consumer, not one of Spring's factory, so Spring's metrics listener does not see it. Tagged
            // like the meters that listener makes of the other consumers (spring.id too): Prometheus drops a meter
            // whose tag names differ from those of another meter of its name.
            KafkaClientMetrics metrics = registry == null ? null
                    : new KafkaClientMetrics(reader, Tags.of("spring.id", clientId));
            if (metrics != null) {
                metrics.bindTo(registry);
            }
            try {
                read(reader);
            } finally {
                if (metrics != null) {
                    metrics.close();
                }
            }
        } catch (RuntimeException e) {
            log.error("Stopped reading {}; tokens of accounts changed from now on are not refused by this service",
                    properties.topic(), e);
        }
    }

    private void read(KafkaConsumer<String, String> reader) {
        Progress progress = new Progress();
        while (running) {
            try {
                step(reader, progress);
            } catch (WakeupException | InterruptException stopping) {
                if (running) {
                    log.warn("Reading {} was interrupted; going on", properties.topic());
                }
            } catch (KafkaException e) {
                log.warn("Cannot read {} now, trying again in {}: {}", properties.topic(),
                        properties.retryInterval(), e.toString());
                pause(properties.retryInterval());
            }
        }
    }

    /** Which partitions are read, and where each ended when reading began (null until that is known). */
    private static final class Progress {
        Set<TopicPartition> assigned = Set.of();
        Map<TopicPartition, Long> endsAtStart;
        long nextPartitionCheck;
    }

    private void step(KafkaConsumer<String, String> reader, Progress progress) {
        if (System.nanoTime() - progress.nextPartitionCheck >= 0) {
            assignAll(reader, progress);
            progress.nextPartitionCheck = System.nanoTime() + properties.partitionCheckInterval().toNanos();
        }
        if (progress.assigned.isEmpty()) {
            // No topic yet: nobody has published an account change, so there is nothing to know.
            markCaughtUpIfThere(reader, progress);
            pause(properties.pollTimeout());
            return;
        }
        for (ConsumerRecord<String, String> record : reader.poll(properties.pollTimeout())) {
            apply(record);
        }
        markCaughtUpIfThere(reader, progress);
    }

    /** Assigns every partition of the topic; those not read before are read from their beginning. */
    private void assignAll(KafkaConsumer<String, String> reader, Progress progress) {
        Set<TopicPartition> found = reader.partitionsFor(properties.topic(), properties.brokerTimeout()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .collect(Collectors.toSet());
        if (!found.equals(progress.assigned)) {
            Set<TopicPartition> added = new HashSet<>(found);
            added.removeAll(progress.assigned);
            reader.assign(found);
            reader.seekToBeginning(added);
            progress.assigned = Set.copyOf(found);
        }
        if (progress.endsAtStart == null) {
            progress.endsAtStart = found.isEmpty() ? Map.of()
                    : Map.copyOf(reader.endOffsets(found, properties.brokerTimeout()));
        }
    }

    private void markCaughtUpIfThere(KafkaConsumer<String, String> reader, Progress progress) {
        if (states.isCaughtUp() || progress.endsAtStart == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : progress.endsAtStart.entrySet()) {
            if (reader.position(end.getKey(), properties.brokerTimeout()) < end.getValue()) {
                return;
            }
        }
        states.caughtUp();
    }

    /**
     * A message that breaks the contract is logged and skipped: it can never be applied, and holding back the
     * partition for it would keep every later change of other accounts from taking effect.
     */
    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            EventEnvelope<Object> event = codec.decode(record.value());
            if (!(event.payload() instanceof AccountStateChanged state) || !event.key().equals(state.username())
                    || !state.username().equals(record.key())) {
                throw new EventCodec.MalformedEventException("its key, envelope key and username differ");
            }
            if (states.apply(event.sequence(), state)) {
                log.debug("Account '{}' now {} with tokens valid from {} (event {})", state.username(),
                        state.enabled() ? "enabled" : "disabled", state.tokensValidFrom(), event.sequence());
            }
        } catch (RuntimeException e) {
            log.error("Skipped the message at {}-{}@{} on {}: it breaks the account-events contract: {}",
                    record.topic(), record.partition(), record.offset(), properties.topic(), e.toString());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
