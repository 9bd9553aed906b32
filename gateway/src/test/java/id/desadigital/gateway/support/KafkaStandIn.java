package id.desadigital.gateway.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) per test run, shared by every cached Spring context like
 * {@link MongoStandIn}: the gateway publishes account changes to it.
 */
public final class KafkaStandIn {

    private static final EmbeddedKafkaKraftBroker BROKER = start();

    private KafkaStandIn() {
    }

    public static String brokers() {
        return BROKER.getBrokersAsString();
    }

    /**
     * The messages on {@code topic} with key {@code key}, oldest first: read from the beginning until
     * {@code expected} have come (or {@code within} passed), then for a quiet half second more, so that a message
     * too many would show too.
     */
    public static List<ConsumerRecord<String, String>> messages(String topic, String key, int expected,
            Duration within) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            long deadline = System.nanoTime() + within.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                collect(consumer, key, found);
            }
            long quietUntil = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < quietUntil) {
                collect(consumer, key, found);
            }
            return found;
        }
    }

    private static void collect(KafkaConsumer<String, String> consumer, String key,
            List<ConsumerRecord<String, String>> found) {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
            if (key.equals(record.key())) {
                found.add(record);
            }
        });
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-stand-in-stop"));
        return broker;
    }
}
