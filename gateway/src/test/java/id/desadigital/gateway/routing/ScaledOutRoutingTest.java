package id.desadigital.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import id.desadigital.gateway.services.ServiceInstances;
import id.desadigital.gateway.support.BackendStandIn;
import id.desadigital.gateway.support.GatewayTestBase;

/**
 * Two instances of each service behind the gateway: requests are spread over both, and one instance being down
 * costs no request its answer. What may be tried again on the other instance: anything that never reached the
 * first (its port refused the connection), and a GET that may have; never a POST that may have arrived.
 */
class ScaledOutRoutingTest extends GatewayTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> ECHO = new ParameterizedTypeReference<>() {
    };
    private static final BackendStandIn[] ALL = {BackendStandIn.VILLAGE, BackendStandIn.VILLAGE_2,
            BackendStandIn.BUDGET, BackendStandIn.BUDGET_2};

    @Autowired
    ServiceInstances instances;

    @AfterEach
    void everyInstanceRunningAndOfferedAgain() {
        for (BackendStandIn instance : ALL) {
            instance.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                instances.available(ServiceInstances.VILLAGE_SERVICE).size() == 2
                        && instances.available(ServiceInstances.BUDGET_SERVICE).size() == 2);
    }

    @Test
    void requestsAreSpreadOverBothInstancesOfEachService() {
        String token = adminToken();
        Set<String> village = new HashSet<>();
        Set<String> budget = new HashSet<>();

        for (int i = 0; i < 6; i++) {
            village.add(answeredBy("/api/villages?page=" + i, token));
            budget.add(answeredBy("/api/budget/programs?page=" + i, token));
        }

        assertThat(village).containsExactlyInAnyOrder("village-1", "village-2");
        assertThat(budget).containsExactlyInAnyOrder("budget-1", "budget-2");
    }

    @Test
    void withOneInstanceOfEachServiceDownEveryRequestIsStillAnsweredByTheOther() {
        String token = userToken("finance.scaled-out", "FINANCE_OFFICER", null);
        BackendStandIn.VILLAGE_2.stop();
        BackendStandIn.BUDGET.stop();

        for (int i = 0; i < 6; i++) {
            assertThat(answeredBy("/api/villages?page=" + i, token)).isEqualTo("village-1");
            String body = "{\"fiscalYear\":2026,\"name\":\"Internet desa " + i + "\"}";
            Map<String, Object> echo = web.post().uri("/api/budget/programs").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(ECHO).returnResult().getResponseBody();
            assertThat(echo).containsEntry("instance", "budget-2").containsEntry("body", body);
        }
    }

    @Test
    void aPostWhoseConnectionClosedBeforeTheAnswerIsNotSentAgainButAGetIs() {
        String token = userToken("finance.dropped", "FINANCE_OFFICER", null);
        String path = "/api/budget/programs" + BackendStandIn.DROP_CONNECTION;

        web.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fiscalYear\":2026,\"name\":\"Sekali saja\"}")
                .exchange()
                .expectStatus().isEqualTo(502);
        assertThat(dropped()).isEqualTo(1);

        // Sent again twice: a dead instance may cost a GET two attempts, and there are two instances.
        web.get().uri(path).headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(502);
        assertThat(dropped()).isEqualTo(1 + 3);
    }

    @Test
    void whenEveryInstanceOfAServiceIsDownItIsA503() {
        String token = adminToken();
        BackendStandIn.VILLAGE.stop();
        BackendStandIn.VILLAGE_2.stop();

        web.get().uri("/api/villages").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theVillageCheckOnUserCreationAsksAnInstanceThatIsUp() {
        String admin = adminToken();
        BackendStandIn.VILLAGE.village("33.01.05.2001", "ACTIVE");
        BackendStandIn.VILLAGE.stop();

        for (int i = 0; i < 4; i++) {
            web.post().uri("/api/auth/users").headers(h -> h.setBearerAuth(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "kades.scaled." + i, "password", "kata-sandi-panjang-" + i,
                            "role", "VILLAGE_HEAD", "villageCode", "33.01.05.2001"))
                    .exchange()
                    .expectStatus().isCreated();
        }
    }

    /** The instance that answered a GET, from its echo. */
    private String answeredBy(String uri, String token) {
        Map<String, Object> echo = web.get().uri(uri).headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ECHO).returnResult().getResponseBody();
        return (String) echo.get("instance");
    }

    private static int dropped() {
        int dropped = 0;
        for (BackendStandIn instance : ALL) {
            dropped += instance.droppedConnections();
        }
        return dropped;
    }
}
