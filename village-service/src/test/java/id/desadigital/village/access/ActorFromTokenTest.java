package id.desadigital.village.access;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * A village's history records the username in the token as the actor, whatever a request body says: a body naming
 * another actor is accepted (request bodies ignore fields the endpoint does not read) and the field has no effect.
 * Works in regency 36.74.
 */
class ActorFromTokenTest extends VillageServiceTest {

    static final String VILLAGE = "36.74.01.2001";

    @Test
    void theHistoryRecordsTheTokensUserNotTheBodysActor() {
        importCsv(AccessByRoleTest.HEADER
                + VILLAGE + ",Bojong,36.74.01,Cikande,36.74,Kota Tangerang Selatan,36,Banten\n").expectStatus().isOk();

        put("/api/villages/" + VILLAGE + "/head",
                Map.of("name", "Haji Mamat", "since", "2026-01-05", "actor", "someone-else"));
        put("/api/villages/" + VILLAGE + "/status",
                Map.of("status", "INACTIVE", "reason", "sengketa batas", "actor", "someone-else"));

        get("/api/villages/" + VILLAGE + "/history").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].actor").isEqualTo("admin")
                .jsonPath("$[1].type").isEqualTo("VillageHeadAssigned")
                .jsonPath("$[1].actor").isEqualTo("admin")
                .jsonPath("$[1].details.actor").doesNotExist()
                .jsonPath("$[2].type").isEqualTo("VillageStatusChanged")
                .jsonPath("$[2].actor").isEqualTo("admin")
                .jsonPath("$[2].details.actor").doesNotExist();
    }

    private void put(String uri, Object body) {
        http.put().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk();
    }
}
