package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.encode;
import static id.desadigital.budget.village.SampleVillageEvents.newVillageCode;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
import static id.desadigital.budget.village.SampleVillageEvents.statusChanged;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.testing.TestTokens;
import reactor.test.StepVerifier;

/**
 * The same feed against the real images the compose file runs (MongoDB as a replica set, Apache Kafka in KRaft
 * mode). Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class VillageFeedContainersTest {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KnownVillages villages;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add("desa.security.public-key", TestTokens::publicKeyPem);
    }

    @Test
    void villageEventsFromTheRealBrokerReachTheVillageViewInRealMongo() {
        String code = newVillageCode();

        publish(registered(code, 1));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                StepVerifier.create(villages.isActive(code)).expectNext(true).verifyComplete());

        publish(statusChanged(code, 2, "INACTIVE"));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                StepVerifier.create(villages.isActive(code)).expectNext(false).verifyComplete());
    }

    @Test
    void healthReportsTheRealStoreAndBroker() {
        web.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    private void publish(EventEnvelope<?> event) {
        kafka.send(Topics.VILLAGE_EVENTS, event.key(), encode(event)).join();
    }
}
