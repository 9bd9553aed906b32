package id.desadigital.budget.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.BudgetFixtures;

/**
 * Query and path parameters are data: a parameter of the wrong shape is a 400 naming it, text that looks like a
 * query operator or a regular expression matches only itself (so nothing), and none of it is ever a 5xx.
 */
@BudgetServiceTest
class QueryParametersTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    BudgetFixtures budget;

    @BeforeEach
    void fixtures() {
        budget = new BudgetFixtures(web, mongo);
    }

    @ParameterizedTest(name = "{0} with {1} -> 400 naming {2}")
    @CsvSource(delimiter = ';', value = {
        "/api/budget/programs?fiscalYear={v}; abc; fiscalYear",
        "/api/budget/programs?fiscalYear={v}; 2026.5; fiscalYear",
        "/api/budget/programs?page={v}; x; page",
        "/api/budget/programs?size={v}; -1; size",
        "/api/budget/allocations?villageCode={v}; .*; villageCode",
        "/api/budget/allocations?villageCode={v}; 33.03.01.2001|.*; villageCode",
        "/api/budget/allocations?villageCode={v}; {\"$ne\":\"x\"}; villageCode",
        "/api/budget/allocations?programId[$ne]={v}; x; programId",
        "/api/budget/villages/33.03.01.2001/summary?fiscalYear={v}; abc; fiscalYear",
        "/api/budget/villages/{v}/summary?fiscalYear=2026; .*; code",
        "/api/budget/villages/33.03.01.2001/summary?asOf={v}; yesterday; asOf"})
    void aMalformedParameterIs400NamingIt(String uri, String value, String field) {
        finance(uri, value).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @ParameterizedTest(name = "{0} with {1} -> 404")
    @CsvSource(delimiter = ';', value = {"/api/budget/programs/{v}; .*",
        "/api/budget/programs/{v}; {\"$ne\":null}", "/api/budget/allocations/{v}; .*",
        "/api/budget/allocations/{v}; ^", "/api/budget/spending/{v}; .*"})
    void anIdThatLooksLikeAPatternNamesNothing(String uri, String value) {
        finance(uri, value).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aProgramIdThatLooksLikeAPatternMatchesNothing() {
        budget.allocation(budget.program(10_000_000), budget.activeVillage(), 1_000_000);

        for (String pattern : new String[] {".*", "^", "[a-z0-9-]+"}) {
            finance("/api/budget/allocations?programId={p}", pattern).expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(0);
        }
    }

    @Test
    void anOperatorLookingParameterIsNotAnOperator() {
        String village = budget.activeVillage();
        String allocation = budget.allocation(budget.program(10_000_000), village, 1_000_000);
        budget.allocation(budget.program(10_000_000), budget.activeVillage(), 1_000_000);

        // programId[$ne] is a parameter of another name, ignored: the list is the village's, not "every program".
        finance("/api/budget/allocations?villageCode=" + village + "&programId[$ne]=x").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(allocation);
    }

    private WebTestClient.ResponseSpec finance(String uri, Object... variables) {
        return web.get().uri(uri, variables).header(HttpHeaders.AUTHORIZATION, BudgetFixtures.FINANCE).exchange();
    }
}
