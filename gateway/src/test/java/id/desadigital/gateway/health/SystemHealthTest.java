package id.desadigital.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.desadigital.gateway.support.BackendStandIn;
import id.desadigital.gateway.support.GatewayTestBase;

/** The whole system's health, asked of the gateway alone; each service runs two instances here. */
class SystemHealthTest extends GatewayTestBase {

    @AfterEach
    void everyInstanceUpAgain() {
        for (BackendStandIn instance : new BackendStandIn[] {BackendStandIn.VILLAGE, BackendStandIn.VILLAGE_2,
                BackendStandIn.BUDGET, BackendStandIn.BUDGET_2}) {
            instance.healthy(true);
            instance.start();
        }
    }

    @Test
    void upWhileBothServicesAreUpAndNoDetailsForAnonymousCallers() {
        web.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void upWhileOneInstanceOfEachServiceIsUpAndAnAdminSeesWhichInstanceIsDown() {
        String admin = adminToken();
        BackendStandIn.VILLAGE.healthy(false);
        BackendStandIn.BUDGET_2.stop();

        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.villageService.status").isEqualTo("UP")
                .jsonPath(instance("villageService", BackendStandIn.VILLAGE)).isEqualTo("DOWN (HTTP 503)")
                .jsonPath(instance("villageService", BackendStandIn.VILLAGE_2)).isEqualTo("UP")
                .jsonPath("$.components.budgetService.status").isEqualTo("UP")
                .jsonPath(instance("budgetService", BackendStandIn.BUDGET)).isEqualTo("UP")
                .jsonPath(instance("budgetService", BackendStandIn.BUDGET_2)).value(String.class,
                        state -> assertThat(state).startsWith("DOWN ("));
    }

    @Test
    void downWithA503WhenEveryInstanceOfAServiceIsDown() {
        BackendStandIn.BUDGET.healthy(false);
        BackendStandIn.BUDGET_2.stop();

        web.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components").doesNotExist();
    }

    @Test
    void anAdminSeesWhichServiceIsDown() {
        String admin = adminToken();
        BackendStandIn.VILLAGE.healthy(false);
        BackendStandIn.VILLAGE_2.healthy(false);

        web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.villageService.status").isEqualTo("DOWN")
                .jsonPath("$.components.budgetService.status").isEqualTo("UP");
    }

    private static String instance(String component, BackendStandIn instance) {
        return "$.components." + component + ".details.instances['" + instance.url() + "/actuator/health']";
    }
}
