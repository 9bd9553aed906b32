package id.desadigital.budget.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.ledger.BudgetFixtures;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.budget.village.VillageStatus;
import id.desadigital.platform.testing.TestTokens;

/**
 * What the report tests set up, through the HTTP API like the budget tests (programs, allocations, spending,
 * reversals), on villages with names and areas as village-events would have announced them. Each test class keeps
 * to a fiscal year and a province of its own, since the test context's store is shared with every other test.
 */
final class ReportFixtures {

    static final String FINANCE = BudgetFixtures.FINANCE;
    static final String AUDITOR = "Bearer " + TestTokens.auditor();
    static final String ADMIN = "Bearer " + TestTokens.admin();

    /** What a village head types on a receipt: none of it may reach a public report. */
    static final String VENDOR = "CV Rahasia Vendor";
    static final String RECEIPT = "KW/RAHASIA/001";
    static final String DESCRIPTION = "Uraian belanja rahasia";

    private final WebTestClient web;
    private final ReactiveMongoTemplate mongo;
    private final BudgetFixtures budget;

    ReportFixtures(WebTestClient web, ReactiveMongoTemplate mongo) {
        this.web = web;
        this.mongo = mongo;
        this.budget = new BudgetFixtures(web, mongo);
    }

    static String head(String villageCode) {
        return "Bearer " + TestTokens.villageHead(villageCode);
    }

    /** A village budget-service heard of with its areas' names, as a VillageRegistered event carries them. */
    String village(String code, String name, String districtName, String regencyName, String provinceName) {
        mongo.save(new KnownVillage(code, name, code.substring(0, 8), districtName, code.substring(0, 5), regencyName,
                code.substring(0, 2), provinceName, VillageStatus.ACTIVE, 1, UUID.randomUUID().toString(),
                Instant.now())).block();
        return code;
    }

    String program(int fiscalYear, String name, String activityCode, String fundingSource, long ceiling) {
        return (String) budget.post(FINANCE, "/api/budget/programs", Map.of("fiscalYear", fiscalYear, "name", name,
                        "ceiling", ceiling, "fundingSource", fundingSource, "activityCode", activityCode))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    String allocation(String programId, String villageCode, long amount) {
        return budget.allocation(programId, villageCode, amount);
    }

    String spend(String allocationId, String villageCode, long amount, String category, String spentOn) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", amount, "spentOn", spentOn, "category", category,
                "description", DESCRIPTION, "vendor", VENDOR, "receiptNo", RECEIPT));
        return (String) budget.post(head(villageCode), "/api/budget/allocations/" + allocationId + "/spending", body)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    void reverse(String spendingId) {
        budget.post(FINANCE, "/api/budget/spending/" + spendingId + "/reversal", Map.of("reason", "Nota ganda"))
                .expectStatus().isCreated();
    }

    /** GET {@code uri} with {@code authorization} (none when null). */
    WebTestClient.ResponseSpec get(String uri, String authorization) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(uri);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange();
    }

    List<Map<String, Object>> rows(String uri, String authorization) {
        return get(uri, authorization).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    /** A 400 problem naming {@code parameter}. */
    void invalid(String uri, String authorization, String parameter) {
        get(uri, authorization).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
    }

    String text(String uri, String authorization) {
        return get(uri, authorization).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
