package id.desadigital.village.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.contracts.Topics;
import id.desadigital.platform.testing.HttpChecks;
import id.desadigital.platform.testing.MongoStandIn;
import id.desadigital.platform.testing.Scrapes;
import id.desadigital.platform.testing.TestTokens;
import reactor.core.publisher.Flux;

/**
 * The whole service over HTTP with a real Kafka broker (KRaft, in this JVM) and the MongoDB stand-in. Every test
 * class extends this unchanged, so they share one Spring context and one broker; each class works in its own
 * regency so that classes do not see each other's villages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"desa.outbox.sweep-interval=1h", "desa.import.batch-size=7", Scrapes.PROPERTY,
            Scrapes.SAMPLE_ALL})
@EmbeddedKafka(partitions = 1, topics = Topics.VILLAGE_EVENTS)
public abstract class VillageServiceTest {

    public static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /** A client with a connection per request ({@link HttpChecks#connectionPerRequest}). */
    protected WebTestClient http;

    private int port;

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MongoStandIn::uri);
        registry.add("desa.security.public-key", TestTokens::publicKeyPem);
        registry.add("desa.security.issuer", () -> TestTokens.ISSUER);
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    /** Set at injection, so that a class's {@code @BeforeAll} (per-class lifecycle) has it too. */
    @Value("${local.server.port}")
    void port(int port) {
        this.port = port;
        this.http = HttpChecks.connectionPerRequest(port);
    }

    /** A client that keeps its connection alive ({@link HttpChecks#keepAlive}), for bodies refused with 413. */
    protected WebTestClient keepAliveHttp() {
        return HttpChecks.keepAlive(port);
    }

    protected WebTestClient.ResponseSpec importCsv(String csv) {
        return http.post().uri("/api/villages/import")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(CSV)
                .bodyValue(csv)
                .exchange();
    }

    protected WebTestClient.RequestHeadersSpec<?> get(String uri, Object... uriVariables) {
        return http.get().uri(uri, uriVariables).header("Authorization", "Bearer " + TestTokens.auditor());
    }


    /** A consumer reading all of village-events from the beginning (assigned, so no group rebalance to wait for). */
    protected Consumer<String, String> villageEventsConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        var partitions = consumer.partitionsFor(Topics.VILLAGE_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /**
     * The messages on village-events whose key starts with {@code keyPrefix}: read until {@code expected} have come
     * (or 20 s passed), then for one quiet second more, so that a duplicate would be caught too.
     */
    protected static List<ConsumerRecord<String, String>> eventsFor(Consumer<String, String> consumer,
            String keyPrefix, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            collect(consumer, keyPrefix, found);
        }
        long quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < quietUntil) {
            collect(consumer, keyPrefix, found);
        }
        return found;
    }

    private static void collect(Consumer<String, String> consumer, String keyPrefix,
            List<ConsumerRecord<String, String>> found) {
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
            if (record.key().startsWith(keyPrefix)) {
                found.add(record);
            }
        });
    }
}
