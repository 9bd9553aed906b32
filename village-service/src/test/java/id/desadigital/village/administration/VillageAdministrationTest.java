package id.desadigital.village.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageHeadAssigned;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/** The regency administration records who heads a village and whether it is active. Works in regency 34.71. */
class VillageAdministrationTest extends VillageServiceTest {

    static final String YOGYA = "code,name,district_code,district_name,regency_code,regency_name,province_code,"
            + "province_name\n"
            + "34.71.01.1001,Tegalrejo,34.71.01,Tegalrejo,34.71,Kota Yogyakarta,34,DI Yogyakarta\n"
            + "34.71.01.1002,Bener,34.71.01,Tegalrejo,34.71,Kota Yogyakarta,34,DI Yogyakarta\n"
            + "34.71.01.1003,Kricak,34.71.01,Tegalrejo,34.71,Kota Yogyakarta,34,DI Yogyakarta\n";

    @BeforeEach
    void registry() {
        importCsv(YOGYA).expectStatus().isOk();
    }

    @Test
    void assigningAHeadShowsOnTheVillageInItsHistoryAndOnKafka() {
        put("/api/villages/34.71.01.1001/head", Map.of("name", "Siti Rahayu", "since", "2026-03-01"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.head.name").isEqualTo("Siti Rahayu")
                .jsonPath("$.head.since").isEqualTo("2026-03-01");

        get("/api/villages/34.71.01.1001").exchange().expectBody()
                .jsonPath("$.head.name").isEqualTo("Siti Rahayu");
        get("/api/villages/34.71.01.1001/history").exchange().expectBody()
                .jsonPath("$[1].type").isEqualTo("VillageHeadAssigned")
                .jsonPath("$[1].actor").isEqualTo("admin")
                .jsonPath("$[1].details.name").isEqualTo("Siti Rahayu")
                .jsonPath("$[1].details.since").isEqualTo("2026-03-01")
                .jsonPath("$[1].occurredAt").exists();
        try (var consumer = villageEventsConsumer()) {
            var events = eventsFor(consumer, "34.71.01.1001", 2).stream()
                    .map(record -> VillageEvents.codec().decode(record.value())).toList();
            assertThat(events).extracting(e -> e.type())
                    .containsExactly("VillageRegistered", "VillageHeadAssigned");
            assertThat(events.get(1).payload()).isEqualTo(new VillageHeadAssigned("34.71.01.1001", "Siti Rahayu",
                    java.time.LocalDate.parse("2026-03-01")));
            assertThat(events.get(1).sequence()).isEqualTo(2);
        }
    }

    @Test
    void aStatusChangeIsRecordedOnceWithItsReason() {
        var inactive = Map.of("status", "INACTIVE", "reason", "merged into Bener");
        put("/api/villages/34.71.01.1002/status", inactive).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("INACTIVE");
        put("/api/villages/34.71.01.1002/status", inactive).expectStatus().isOk();

        get("/api/villages/34.71.01.1002/history").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[1].type").isEqualTo("VillageStatusChanged")
                .jsonPath("$[1].details.status").isEqualTo("INACTIVE")
                .jsonPath("$[1].details.reason").isEqualTo("merged into Bener");
        try (var consumer = villageEventsConsumer()) {
            var changes = eventsFor(consumer, "34.71.01.1002", 2).stream()
                    .map(record -> VillageEvents.codec().decode(record.value()))
                    .filter(e -> e.type().equals(VillageEvents.VILLAGE_STATUS_CHANGED)).toList();
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).payload())
                    .isEqualTo(new VillageStatusChanged("34.71.01.1002", "INACTIVE", "merged into Bener"));
        }
    }

    @Test
    void reimportingKeepsTheHeadAndTheStatus() {
        put("/api/villages/34.71.01.1003/head", Map.of("name", "Bambang", "since", "2025-01-02")).expectStatus().isOk();
        put("/api/villages/34.71.01.1003/status", Map.of("status", "INACTIVE", "reason", "boundary review"))
                .expectStatus().isOk();

        importCsv(YOGYA.replace("Kricak,", "Kricak Baru,")).expectStatus().isOk();

        get("/api/villages/34.71.01.1003").exchange().expectBody()
                .jsonPath("$.name").isEqualTo("Kricak Baru")
                .jsonPath("$.head.name").isEqualTo("Bambang")
                .jsonPath("$.status").isEqualTo("INACTIVE");
    }

    @Test
    void badBodiesAreProblemsThatChangeNothing() {
        put("/api/villages/34.71.01.1001/head", Map.of("name", " ", "since", "2026-13-40"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put("/api/villages/34.71.01.1001/head", Map.of("name", "")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat(fields.toString()).contains("name", "since"));
        put("/api/villages/34.71.01.1001/status", Map.of("status", "DORMANT", "reason", "x"))
                .expectStatus().isBadRequest();
        put("/api/villages/34.71.01.1001/status", Map.of("status", "INACTIVE")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.put().uri("/api/villages/34.71.01.1001/head").header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": \"Siti\", ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("JSON"));
        put("/api/villages/34.71.09.1009/head", Map.of("name", "Siti", "since", "2026-03-01"))
                .expectStatus().isNotFound();

        get("/api/villages/34.71.01.1001/history").exchange().expectBody()
                .jsonPath("$[?(@.type == 'VillageStatusChanged')]").isEmpty();
    }

    @Test
    void onlyAnAdministratorChangesTheRegistry() {
        http.put().uri("/api/villages/34.71.01.1001/head")
                .header("Authorization", "Bearer " + TestTokens.villageHead("34.71.01.1001"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Myself", "since", "2026-01-01")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/villages/34.71.01.1001")
                .header("Authorization", "Bearer " + TestTokens.expired("admin", "ADMIN")).exchange()
                .expectStatus().isUnauthorized();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec put(String uri, Object body) {
        return http.put().uri(uri).header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
