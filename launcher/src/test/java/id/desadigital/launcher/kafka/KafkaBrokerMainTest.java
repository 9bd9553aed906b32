package id.desadigital.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.desadigital.launcher.testing.ChildJvm;

/** The broker as its own OS process: records round-trip, and are still there after a restart. */
class KafkaBrokerMainTest {

    private static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BROKER_STOP_TIMEOUT = Duration.ofSeconds(40);
    private static final String TOPIC = "budget-events";

    @TempDir
    Path dataDir;

    private final int port = ChildJvm.freePort();
    private final int controllerPort = ChildJvm.freePort();
    private final List<Process> started = new ArrayList<>();
    private Path output;

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void recordsRoundTripAndSurviveARestart() throws Exception {
        Process broker = startBroker();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, "35.07.12.2001", "{\"type\":\"FUNDS_ALLOCATED\"}"))
                .get(30, TimeUnit.SECONDS);
        }
        assertThat(readOneRecord().value()).isEqualTo("{\"type\":\"FUNDS_ALLOCATED\"}");

        broker.destroy(); // SIGTERM
        assertThat(broker.waitFor(BROKER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(output)).contains("Kafka broker stopped");

        startBroker();
        ConsumerRecord<String, String> afterRestart = readOneRecord();
        assertThat(afterRestart.key()).isEqualTo("35.07.12.2001");
        assertThat(afterRestart.value()).isEqualTo("{\"type\":\"FUNDS_ALLOCATED\"}");
        assertThat(dataDir.resolve("kafka/kraft-combined-logs/meta.properties")).exists();
    }

    /** A new consumer group reading from the beginning, as a fresh service instance would. */
    private ConsumerRecord<String, String> readOneRecord() {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private Process startBroker() {
        output = dataDir.resolve("broker-output-" + (started.size() + 1) + ".log");
        Process broker = ChildJvm.start(KafkaBrokerMain.class, Map.of(
                "KAFKA_PORT", String.valueOf(port),
                "KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort),
                "DATA_DIR", dataDir.toString()),
            output);
        started.add(broker);
        await().atMost(BROKER_START_TIMEOUT).until(() -> {
            assertThat(broker.isAlive()).as("broker process alive").isTrue();
            return Files.readString(output).contains("Kafka broker listening on");
        });
        return broker;
    }

    private String bootstrapServers() {
        return "localhost:" + port;
    }
}
