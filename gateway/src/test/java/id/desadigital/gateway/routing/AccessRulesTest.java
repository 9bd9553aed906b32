package id.desadigital.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.gateway.support.BackendStandIn;
import id.desadigital.gateway.support.GatewayTestBase;

/** The gateway refuses before a service is asked: no token, a bad token, or the wrong role. */
class AccessRulesTest extends GatewayTestBase {

    @Test
    void theApiWithoutATokenIs401ProblemWithABearerChallenge() {
        for (String path : new String[] {"/api/villages", "/api/districts", "/api/budget/programs", "/api/auth/me",
                "/api/anything"}) {
            web.get().uri(path)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:unauthorized")
                    .jsonPath("$.title").isEqualTo("Unauthorized")
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.detail").isNotEmpty();
        }
    }

    @Test
    void aTokenThatIsNotOursIs401() {
        web.get().uri("/api/villages").headers(h -> h.setBearerAuth("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFinanceOfficerMayNotImportVillages() {
        String finance = userToken("finance.officer", "FINANCE_OFFICER", null);

        web.post().uri("/api/villages/import").headers(h -> h.setBearerAuth(finance))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("code,name\n")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:forbidden")
                .jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void onlyAnAdminMayChangeAVillagesHeadOrStatus() {
        String auditor = userToken("auditor.one", "AUDITOR", null);

        for (String path : new String[] {"/api/villages/32.04.11.2001/head", "/api/villages/32.04.11.2001/status",
                "/api/villages/32.04.11.2001/status/"}) {
            web.method(HttpMethod.PUT).uri(path).headers(h -> h.setBearerAuth(auditor))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void anAdminsImportIsForwardedToVillageService() {
        String admin = adminToken();

        web.post().uri("/api/villages/import").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("code,name\n32.04.11.2001,Sukamaju\n")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("village")
                .jsonPath("$.uri").isEqualTo("/api/villages/import")
                .jsonPath("$.body").isEqualTo("code,name\n32.04.11.2001,Sukamaju\n");
    }

    @Test
    void anySignedInRoleMayReadVillagesAndBudget() {
        String auditor = userToken("auditor.two", "AUDITOR", null);

        web.get().uri("/api/villages/32.04.11.2001/history").headers(h -> h.setBearerAuth(auditor))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("village");
        web.get().uri("/api/budget/ledger").headers(h -> h.setBearerAuth(auditor))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("budget");
    }

    @Test
    void onlyAnAdminMayCreateUsers() {
        String finance = userToken("finance.two", "FINANCE_OFFICER", null);

        web.post().uri("/api/auth/users").headers(h -> h.setBearerAuth(finance))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"sneaky\",\"password\":\"long-enough-pw\",\"role\":\"ADMIN\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/auth/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"sneaky\",\"password\":\"long-enough-pw\",\"role\":\"ADMIN\"}")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void ledgerWritesNeedTheRoleTheApiNames() {
        BackendStandIn.VILLAGE.village("33.03.01.2001", "ACTIVE");
        String auditor = userToken("auditor.three", "AUDITOR", null);
        String head = userToken("kades.kedungbenda", "VILLAGE_HEAD", "33.03.01.2001");
        String finance = userToken("finance.three", "FINANCE_OFFICER", null);

        expectPost("/api/budget/programs", auditor, 403);
        expectPost("/api/budget/programs/p-1/allocations", head, 403);
        expectPost("/api/budget/programs/p-1/close", auditor, 403);
        expectPost("/api/budget/allocations/a-1/adjustments", head, 403);
        expectPost("/api/budget/allocations/a-1/spending", finance, 403);
        expectPost("/api/budget/spending/s-1/reversal", auditor, 403);
        expectPost("/api/budget/somewhere-new", finance, 403);

        expectPost("/api/budget/programs/p-1/allocations", finance, 200);
        expectPost("/api/budget/allocations/a-1/spending", head, 200);
        expectPost("/api/budget/spending/s-1/reversal", head, 200);
        expectPost("/api/budget/spending/s-1/reversal", finance, 200);
    }

    @Test
    void onlyAnAuditorMayVerifyTheLedger() {
        BackendStandIn.VILLAGE.village("33.03.01.2002", "ACTIVE");
        String auditor = userToken("auditor.verify", "AUDITOR", null);
        String finance = userToken("finance.verify", "FINANCE_OFFICER", null);
        String head = userToken("kades.verify", "VILLAGE_HEAD", "33.03.01.2002");
        String admin = adminToken();

        for (String path : new String[] {"/api/budget/ledger/verify", "/api/budget/ledger/verify/",
                "/api/budget/ledger/verify?fiscalYear=2026"}) {
            expectGet(path, auditor, 200).expectBody().jsonPath("$.service").isEqualTo("budget")
                    .jsonPath("$.uri").isEqualTo(path);
            for (String other : new String[] {finance, head, admin}) {
                expectGet(path, other, 403).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("urn:desa-digital:problem:forbidden");
            }
            web.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
        web.method(HttpMethod.HEAD).uri("/api/budget/ledger/verify").headers(h -> h.setBearerAuth(finance))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theLedgerIsReadByAuditorsFinanceOfficersAndVillageHeadsOnly() {
        BackendStandIn.VILLAGE.village("33.03.01.2003", "ACTIVE");
        String auditor = userToken("auditor.ledger", "AUDITOR", null);
        String finance = userToken("finance.ledger", "FINANCE_OFFICER", null);
        String head = userToken("kades.ledger", "VILLAGE_HEAD", "33.03.01.2003");
        String admin = adminToken();

        for (String path : new String[] {"/api/budget/ledger", "/api/budget/ledger/",
                "/api/budget/ledger?villageCode=33.03.01.2003", "/api/budget/ledger/entries/e-1"}) {
            for (String reader : new String[] {auditor, finance, head}) {
                expectGet(path, reader, 200).expectBody().jsonPath("$.service").isEqualTo("budget");
            }
            expectGet(path, admin, 403);
            web.get().uri(path).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void budgetReportsAreForFinanceOfficersAndAuditorsAndAHeadReadsOnlyTheirVillagesReportThroughTheService() {
        BackendStandIn.VILLAGE.village("33.03.01.2004", "ACTIVE");
        String auditor = userToken("auditor.reports", "AUDITOR", null);
        String finance = userToken("finance.reports", "FINANCE_OFFICER", null);
        String head = userToken("kades.reports", "VILLAGE_HEAD", "33.03.01.2004");
        String admin = adminToken();

        for (String path : new String[] {"/api/budget/reports/realization?fiscalYear=2026",
                "/api/budget/reports/realization/", "/api/budget/reports/anything-new"}) {
            expectGet(path, finance, 200).expectBody().jsonPath("$.service").isEqualTo("budget");
            expectGet(path, auditor, 200);
            expectGet(path, head, 403);
            expectGet(path, admin, 403);
        }
        // A head's own semester report is not under /api/budget/reports: the gateway passes it on and
        // budget-service decides whether the village is theirs.
        expectGet("/api/budget/villages/33.03.01.2004/reports/semester?fiscalYear=2026&semester=1", head, 200)
                .expectBody().jsonPath("$.service").isEqualTo("budget");
    }

    @Test
    void onlyAnAdminReachesTheServicesReadModels() {
        BackendStandIn.VILLAGE.village("33.03.01.2005", "ACTIVE");
        String admin = adminToken();
        String auditor = userToken("auditor.read-models", "AUDITOR", null);
        String finance = userToken("finance.read-models", "FINANCE_OFFICER", null);
        String head = userToken("kades.read-models", "VILLAGE_HEAD", "33.03.01.2005");

        for (String[] model : new String[][] {{"/api/villages/read-models/budget-figures", "village"},
                {"/api/budget/read-models/known-villages", "budget"}}) {
            expectGet(model[0], admin, 200).expectBody().jsonPath("$.service").isEqualTo(model[1]);
            expectPost(model[0] + "/rebuild", admin, 200);
            for (String other : new String[] {auditor, finance, head}) {
                expectGet(model[0], other, 403);
                expectPost(model[0] + "/rebuild", other, 403);
            }
            web.post().uri(model[0] + "/rebuild").exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void thePublicApiNeedsNoToken() {
        web.get().uri("/api/public/programs?fiscalYear=2026")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("budget")
                .jsonPath("$.authorization").doesNotExist();
    }

    private WebTestClient.ResponseSpec expectGet(String path, String token, int status) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(status);
    }

    private void expectPost(String path, String token, int status) {
        web.post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(status);
    }
}
