package id.desadigital.gateway.health;

import org.junit.jupiter.api.Test;

import id.desadigital.gateway.support.BackendStandIn;
import id.desadigital.gateway.support.GatewayTestBase;

class SystemHealthTest extends GatewayTestBase {

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
    void downWithA503WhenOneServiceIsDown() {
        BackendStandIn.BUDGET.healthy(false);
        try {
            web.get().uri("/actuator/health")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components").doesNotExist();
        } finally {
            BackendStandIn.BUDGET.healthy(true);
        }
    }

    @Test
    void anAdminSeesWhichServiceIsDown() {
        String admin = adminToken();
        BackendStandIn.VILLAGE.healthy(false);
        try {
            web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(admin))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.villageService.status").isEqualTo("DOWN")
                    .jsonPath("$.components.budgetService.status").isEqualTo("UP");
        } finally {
            BackendStandIn.VILLAGE.healthy(true);
        }
    }
}
