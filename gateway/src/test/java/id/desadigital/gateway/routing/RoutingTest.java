package id.desadigital.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import id.desadigital.gateway.support.GatewayTestBase;

/** Each API path reaches the service that owns it, with the caller's token, query and body intact. */
class RoutingTest extends GatewayTestBase {

    @Test
    void villagesGoToVillageServiceWithTheTokenPassedThrough() {
        String token = adminToken();

        web.get().uri("/api/villages?q=suka&page=0").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("village")
                .jsonPath("$.uri").isEqualTo("/api/villages?q=suka&page=0")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void districtsGoToVillageService() {
        String token = adminToken();

        web.get().uri("/api/districts?regencyCode=32.04").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("village")
                .jsonPath("$.uri").isEqualTo("/api/districts?regencyCode=32.04")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void budgetGoesToBudgetServiceWithTheBody() {
        String token = userToken("finance.routing", "FINANCE_OFFICER", null);

        web.post().uri("/api/budget/programs").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"fiscalYear\":2025,\"name\":\"Internet desa\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("budget")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.uri").isEqualTo("/api/budget/programs")
                .jsonPath("$.body").isEqualTo("{\"fiscalYear\":2025,\"name\":\"Internet desa\"}")
                .jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void thePublicPortalGoesToBudgetServiceWithoutAToken() {
        web.get().uri("/api/public/realization?fiscalYear=2025&groupBy=district")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("budget")
                .jsonPath("$.uri").isEqualTo("/api/public/realization?fiscalYear=2025&groupBy=district")
                .jsonPath("$.authorization").doesNotExist();
    }

    /** The services' OpenAPI documents: public, each from its service's own /v3/api-docs. */
    /** The portal's village search is the registry's; a village's money is the ledger's. */
    @Test
    void thePublicVillagesGoToTheServiceThatOwnsWhatIsAsked() {
        publicRead("/api/public/villages?q=bojong", "village");
        publicRead("/api/public/villages/33.03.01.2001", "village");
        publicRead("/api/public/villages/33.03.01.2001/budget?fiscalYear=2026", "budget");
    }

    private void publicRead(String uri, String service) {
        web.get().uri(uri)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.uri").isEqualTo(uri)
                .jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void theApiDocumentsReachTheirServicesWithoutAToken() {
        web.get().uri("/api/villages/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("village")
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.uri").isEqualTo("/v3/api-docs")
                .jsonPath("$.authorization").doesNotExist();
        web.get().uri("/api/budget/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("budget")
                .jsonPath("$.method").isEqualTo("GET")
                .jsonPath("$.uri").isEqualTo("/v3/api-docs")
                .jsonPath("$.authorization").doesNotExist();
    }

    /** Only reading the documents is open: anything else on their paths still needs a token. */
    @Test
    void onlyReadingTheApiDocumentsIsOpen() {
        web.post().uri("/api/budget/v3/api-docs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized();
        web.put().uri("/api/villages/v3/api-docs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    /** Both have routes of their own, with longer timeouts: they must still reach the service that owns them. */
    @Test
    void theLongRequestsHaveTheirOwnRoutesToTheirServices() {
        web.get().uri("/api/budget/ledger/verify")
                .headers(h -> h.setBearerAuth(userToken("auditor.routing", "AUDITOR", null)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("budget")
                .jsonPath("$.uri").isEqualTo("/api/budget/ledger/verify");
        web.post().uri("/api/villages/import").headers(h -> h.setBearerAuth(adminToken()))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("code,name\n")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("village")
                .jsonPath("$.uri").isEqualTo("/api/villages/import");
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        String token = adminToken();

        web.get().uri("/api/nothing-here").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void anUnknownPageIsA404ProblemWithoutAToken() {
        web.get().uri("/no-such-page.html")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
