package id.desadigital.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.platform.testing.HttpChecks;
import id.desadigital.platform.testing.StandInInfrastructure;
import id.desadigital.platform.testing.TestTokens;
import reactor.core.publisher.Mono;

/**
 * A service with one read model, as the platform runs it: its state before any rebuild, and a rebuild refused when
 * the topic no longer starts at its first event. (Rebuilding itself is shown on the services' own read models.)
 */
@SpringBootTest(classes = ReadModelFeedTest.ServiceUnderTest.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.application.name=read-model-test",
                "spring.mongodb.database=read-model-test",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "spring.kafka.consumer.group-id=probe-service",
                "desa.read-models.path=/api/probe/read-models",
                "desa.read-models.poll-interval=200ms",
                "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka=WARN",
                "logging.level.state.change.logger=WARN"})
@EmbeddedKafka
class ReadModelFeedTest {

    private static final String TOPIC = "probe-events";
    private static final String STATE = "/api/probe/read-models/probe";

    /** A service whose one read model ignores what it reads: only the offsets it commits matter here. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ServiceUnderTest {

        @Bean
        NewTopic probeEvents() {
            return TopicBuilder.name(TOPIC).partitions(2).replicas(1).build();
        }

        @Bean
        ReadModelFeed probeFeed(ReadModelFeeds feeds) {
            BatchMessageListener<String, String> ignoring = records -> { };
            return feeds.feed(new ReadModel("probe", TOPIC, "probes", 1, collection -> ignoring,
                    collection -> Mono.empty()));
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    AdminClient admin;

    private WebTestClient http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        StandInInfrastructure.register(registry);
    }

    @Value("${local.server.port}")
    void port(int port) {
        http = HttpChecks.connectionPerRequest(port);
    }

    @Test
    void beforeAnyRebuildTheModelIsGenerationZeroFedByTheServicesOwnGroup() {
        publish(0, "a", "b");
        publish(1, "c");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri(STATE)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("probe")
                .jsonPath("$.topic").isEqualTo(TOPIC)
                .jsonPath("$.active.generation").isEqualTo(0)
                .jsonPath("$.active.collection").isEqualTo("probes")
                .jsonPath("$.active.consumerGroup").isEqualTo("probe-service")
                .jsonPath("$.active.behind").isEqualTo(0)
                .jsonPath("$.rebuild").isEmpty()
                .jsonPath("$.retired").isEmpty());
    }

    @Test
    void aRebuildFromATopicThatLostItsFirstEventsIsRefusedAndNothingChanges() throws Exception {
        publish(0, "first", "second");
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition).get().offset();
        admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(end - 1))).all().get();

        http.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .contains(TOPIC + "-0 starts at offset " + (end - 1))
                        .doesNotContain(TOPIC + "-1"));
        http.get().uri(STATE).header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.rebuild").isEmpty().jsonPath("$.active.generation").isEqualTo(0);
    }

    @Test
    void onlyAnAdministratorSeesOrRebuildsAReadModelEvenPastTheGateway() {
        for (String other : new String[] {TestTokens.financeOfficer(), TestTokens.auditor(),
                TestTokens.villageHead("33.03.01.2001")}) {
            http.get().uri(STATE).header("Authorization", "Bearer " + other).exchange().expectStatus().isForbidden();
            http.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + other)
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        HttpChecks.unauthorized(http.post().uri(STATE + "/rebuild").exchange());

        http.get().uri(STATE).header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.rebuild").isEmpty().jsonPath("$.active.generation").isEqualTo(0);
    }

    private void publish(int partition, String... values) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new StringSerializer())) {
            List.of(values).forEach(value -> producer.send(new ProducerRecord<>(TOPIC, partition, value, value)));
        }
    }
}
