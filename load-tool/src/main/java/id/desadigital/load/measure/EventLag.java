package id.desadigital.load.measure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The time from an acknowledged write to its event on a topic: the outbox's lag, which every consumer's view waits
 * on. A thread reads the topic from its end (no consumer group: it commits nothing and disturbs no one) and matches
 * each event's {@code eventId} with the id the write's answer carried. An event may arrive before the client has
 * even read its answer; that counts as no lag.
 */
public final class EventLag implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Events of writes this tool did not make are forgotten after this long. */
    private static final long FORGET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private final CountDownLatch positioned = new CountDownLatch(1);
    /** Writes acknowledged whose event is not seen yet, and events seen whose write is not acknowledged yet. */
    private final Map<String, Mark> pending = new ConcurrentHashMap<>();
    private final Recorder lags = new Recorder(3);
    private volatile boolean running = true;

    public EventLag(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        consumer = new KafkaConsumer<>(properties);
        reader = new Thread(() -> read(topic), "event-lag-" + topic);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!positioned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("could not read " + topic + " at " + bootstrapServers + " within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The write whose event has this id was just acknowledged. */
    public void acknowledged(String eventId) {
        long now = System.nanoTime();
        pending.compute(eventId, (id, mark) -> {
            if (mark == null || mark.acknowledged()) {
                return new Mark(true, now);
            }
            lags.recordValue(1);
            return null;
        });
    }

    /** The lags recorded since the last call, and forgets events no write of this tool claimed. */
    public Percentiles interval() {
        long now = System.nanoTime();
        pending.values().removeIf(mark -> !mark.acknowledged() && now - mark.at() > FORGET_NANOS);
        return Percentiles.of(lags.getIntervalHistogram());
    }

    private void read(String topic) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    seen(JSON.readTree(record.value()).path("eventId").asString(""), System.nanoTime());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void seen(String eventId, long now) {
        pending.compute(eventId, (id, mark) -> {
            if (mark == null || !mark.acknowledged()) {
                return new Mark(false, now);
            }
            lags.recordValue(Math.max(1, (now - mark.at()) / 1_000));
            return null;
        });
    }

    /** When a write was acknowledged, or when its event was seen. */
    private record Mark(boolean acknowledged, long at) {
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
