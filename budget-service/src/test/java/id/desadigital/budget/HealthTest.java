package id.desadigital.budget;

import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.platform.testing.TestTokens;

/** What the gateway, a container healthcheck and an operator see of this service's health. */
@BudgetServiceTest
class HealthTest {

    @Autowired
    WebTestClient web;

    @Test
    void anonymousCallersSeeTheStoreAndTheBrokerUpButNoDetails() {
        web.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details").doesNotExist()
                .jsonPath("$.components.kafka.details").doesNotExist();
    }

    @Test
    void eachComponentAnswersOnItsOwnPath() {
        web.get().uri("/actuator/health/kafka")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/mongo")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void anAuditorSeesTheDetails() {
        web.get().uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.auditor())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.kafka.details.clusterId").value(notNullValue())
                .jsonPath("$.components.mongo.details").exists();
    }

    @Test
    void otherRolesDoNotSeeTheDetails() {
        web.get().uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.villageHead("33.03.01.2001"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.details").doesNotExist();
    }

    @Test
    void theApiRefusesCallsWithoutAValidToken() {
        web.get().uri("/api/budget/programs")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/budget/programs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forged("finance", "FINANCE_OFFICER"))
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
