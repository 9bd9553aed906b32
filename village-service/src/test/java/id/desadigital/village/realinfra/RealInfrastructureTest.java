package id.desadigital.village.realinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import id.desadigital.contracts.Topics;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.platform.testing.TestTokens;

/**
 * The same service against the real MongoDB and Kafka images production runs, to catch anything the embedded
 * stand-ins accept that the real servers do not. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RealInfrastructureTest {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        registry.add("desa.security.public-key", TestTokens::publicKeyPem);
        registry.add("desa.security.issuer", () -> TestTokens.ISSUER);
    }

    @Test
    void importsIdempotentlyChangesByCompareAndSetAndPublishesOnRealServers() {
        String csv = "code,name,district_code,district_name,regency_code,regency_name,province_code,province_name\n"
                + "12.07.28.1007,\"Lubuk Pakam I,II\",12.07.28,Lubuk Pakam,12.07,Kabupaten Deli Serdang,12,"
                + "Sumatera Utara\n"
                + "11.05.10.2004,Pasi Kuala Ba'u,11.05.10,Kaway XVI,11.05,Kabupaten Aceh Barat,11,Aceh\n";

        importCsv(csv).expectBody().jsonPath("$.created").isEqualTo(2);
        importCsv(csv).expectBody().jsonPath("$.unchanged").isEqualTo(2);
        http.put().uri("/api/villages/11.05.10.2004/head")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Teuku Umar", "since", "2025-06-01"))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/villages?regencyCode=12.07&q=pakam")
                .header("Authorization", "Bearer " + TestTokens.auditor()).exchange()
                .expectBody().jsonPath("$.items[0].name").isEqualTo("Lubuk Pakam I,II");

        assertThat(villageEvents(3)).extracting(e -> e.type())
                .containsExactlyInAnyOrder("VillageRegistered", "VillageRegistered", "VillageHeadAssigned");
    }

    private WebTestClient.ResponseSpec importCsv(String csv) {
        return http.post().uri("/api/villages/import").header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
                .expectStatus().isOk();
    }

    private static List<id.desadigital.contracts.EventEnvelope<Object>> villageEvents(int expected) {
        var props = Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<id.desadigital.contracts.EventEnvelope<Object>> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.VILLAGE_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> events.add(VillageEvents.codec().decode(r.value())));
            }
        }
        return events;
    }
}
