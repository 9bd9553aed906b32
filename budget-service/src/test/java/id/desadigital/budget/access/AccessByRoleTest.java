package id.desadigital.budget.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.BudgetFixtures;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.platform.testing.TestTokens;

/**
 * Every budget endpoint as each kind of caller meets it, with the status API.md names: finance officers write
 * programs and allocations, a village head reports and reverses spending and reads the budget of their own village
 * only, auditors and administrators never write, and nobody without a token gets anywhere. A refused write changes
 * nothing: the program, both allocations, the village's summary, the spending and the ledger read the same after it.
 *
 * <p>Reads and refused writes run against one scene; a write that succeeds gets a scene of its own.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessByRoleTest {

    /** Who calls: the columns of the table below. */
    enum Who {
        ADMIN, FINANCE_OFFICER, HEAD_OF_THE_VILLAGE, HEAD_OF_ANOTHER_VILLAGE, AUDITOR, NO_TOKEN;

        String token(Scene scene) {
            return switch (this) {
                case ADMIN -> TestTokens.admin();
                case FINANCE_OFFICER -> TestTokens.financeOfficer();
                case HEAD_OF_THE_VILLAGE -> TestTokens.villageHead(scene.village);
                case HEAD_OF_ANOTHER_VILLAGE -> TestTokens.villageHead(scene.otherVillage);
                case AUDITOR -> TestTokens.auditor();
                case NO_TOKEN -> null;
            };
        }
    }

    /** One endpoint, called on a scene; statuses in the order of {@link Who}. */
    record Endpoint(String name, HttpMethod method, Function<Scene, String> uri, Function<Scene, Object> body,
            int... statuses) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** Village A with its allocation and one spending, village B with one in the same program, village C with none. */
    record Scene(String program, String village, String allocation, String spending, String otherVillage,
            String otherAllocation, String unallocatedVillage) {
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /programs", HttpMethod.POST, s -> "/api/budget/programs",
                        s -> Map.of("fiscalYear", 2026, "name", "Wifi desa", "ceiling", 50_000_000,
                                "fundingSource", "DDS", "activityCode", "1.4.08"),
                        403, 201, 403, 403, 403, 401),
                new Endpoint("GET /programs", HttpMethod.GET, s -> "/api/budget/programs?fiscalYear=2026", null,
                        200, 200, 200, 200, 200, 401),
                new Endpoint("GET /programs/{id}", HttpMethod.GET, s -> "/api/budget/programs/" + s.program, null,
                        200, 200, 200, 200, 200, 401),
                new Endpoint("POST /programs/{id}/revisions", HttpMethod.POST,
                        s -> "/api/budget/programs/" + s.program + "/revisions",
                        s -> Map.of("ceiling", 120_000_000, "reason", "APBD-P"),
                        403, 200, 403, 403, 403, 401),
                new Endpoint("POST /programs/{id}/close", HttpMethod.POST,
                        s -> "/api/budget/programs/" + s.program + "/close", s -> Map.of(),
                        403, 200, 403, 403, 403, 401),
                new Endpoint("POST /programs/{id}/allocations", HttpMethod.POST,
                        s -> "/api/budget/programs/" + s.program + "/allocations",
                        s -> Map.of("villageCode", s.unallocatedVillage, "amount", 1_000_000, "note", "Modem"),
                        403, 201, 403, 403, 403, 401),
                new Endpoint("POST /allocations/{id}/adjustments", HttpMethod.POST,
                        s -> "/api/budget/allocations/" + s.allocation + "/adjustments",
                        s -> Map.of("delta", 1_000_000, "reason", "Tambah"),
                        403, 200, 403, 403, 403, 401),
                new Endpoint("GET /allocations?villageCode=", HttpMethod.GET,
                        s -> "/api/budget/allocations?villageCode=" + s.village, null,
                        200, 200, 200, 403, 200, 401),
                new Endpoint("GET /allocations?programId=", HttpMethod.GET,
                        s -> "/api/budget/allocations?programId=" + s.program, null,
                        200, 200, 200, 200, 200, 401),
                new Endpoint("GET /allocations/{id}", HttpMethod.GET,
                        s -> "/api/budget/allocations/" + s.allocation, null,
                        200, 200, 200, 403, 200, 401),
                new Endpoint("POST /allocations/{id}/spending", HttpMethod.POST,
                        s -> "/api/budget/allocations/" + s.allocation + "/spending",
                        s -> Map.of("amount", 500_000, "spentOn", "2026-03-02", "category", "CONNECTIVITY",
                                "description", "Paket internet"),
                        403, 403, 201, 403, 403, 401),
                new Endpoint("POST /spending/{id}/reversal", HttpMethod.POST,
                        s -> "/api/budget/spending/" + s.spending + "/reversal", s -> Map.of("reason", "Nota ganda"),
                        403, 201, 201, 403, 403, 401),
                new Endpoint("GET /spending/{id}", HttpMethod.GET, s -> "/api/budget/spending/" + s.spending, null,
                        200, 200, 200, 403, 200, 401),
                new Endpoint("GET /villages/{code}/summary", HttpMethod.GET,
                        s -> "/api/budget/villages/" + s.village + "/summary?fiscalYear=2026", null,
                        403, 200, 200, 403, 200, 401));
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint, who, endpoint.statuses()[who.ordinal()]));
            }
        }
        return cases.stream();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    BudgetFixtures budget;
    Scene shared;

    @BeforeAll
    void sharedScene() {
        budget = new BudgetFixtures(web, mongo);
        shared = scene();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyEndpointAndCaller")
    void everyEndpointAnswersEachCallerAsTheContractSays(Endpoint endpoint, Who who, int status) {
        boolean write = endpoint.method() == HttpMethod.POST;
        boolean succeeds = status < 300;
        Scene scene = write && succeeds ? scene() : shared;
        Snapshot before = write ? snapshot(scene) : null;

        WebTestClient.ResponseSpec response = call(endpoint, who, scene).expectStatus().isEqualTo(status);

        if (!succeeds) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(status);
        }
        if (write && !succeeds) {
            assertThat(snapshot(scene)).isEqualTo(before);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHeadListingWithoutAVillageSeesOnlyTheirOwnVillage() {
        String head = "Bearer " + TestTokens.villageHead(shared.village);

        web.get().uri("/api/budget/allocations?programId=" + shared.program).header(HttpHeaders.AUTHORIZATION, head)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(shared.allocation)
                .jsonPath("$.items[0].villageCode").isEqualTo(shared.village);
        web.get().uri("/api/budget/allocations").header(HttpHeaders.AUTHORIZATION, head)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[*].villageCode").value(codes ->
                        assertThat((List<Object>) codes).isNotEmpty().containsOnly(shared.village));
        // The district sees both villages of the program.
        budget.get("/api/budget/allocations?programId=" + shared.program).jsonPath("$.total").isEqualTo(2);
    }

    private WebTestClient.ResponseSpec call(Endpoint endpoint, Who who, Scene scene) {
        WebTestClient.RequestBodySpec request = web.method(endpoint.method()).uri(endpoint.uri().apply(scene));
        String token = who.token(scene);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (endpoint.body() != null) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body().apply(scene));
        }
        return request.exchange();
    }

    private Scene scene() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String other = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);
        String spending = (String) budget.spend(allocation, village, 1_000_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        return new Scene(program, village, allocation, spending, other, budget.allocation(program, other, 6_000_000),
                budget.activeVillage());
    }

    /** What a finance officer and an auditor would read of the scene, and how many ledger entries it has. */
    record Snapshot(String program, String allocation, String otherAllocation, String summary, String spending,
            long ledgerEntries) {
    }

    private Snapshot snapshot(Scene scene) {
        Criteria ledger = new Criteria().orOperator(where("programId").is(scene.program),
                where("villageCode").in(scene.village, scene.otherVillage, scene.unallocatedVillage));
        return new Snapshot(read("/api/budget/programs/" + scene.program),
                read("/api/budget/allocations/" + scene.allocation),
                read("/api/budget/allocations/" + scene.otherAllocation),
                read("/api/budget/villages/" + scene.village + "/summary?fiscalYear=2026"),
                read("/api/budget/spending/" + scene.spending),
                mongo.count(query(ledger), LedgerEntry.class).block());
    }

    private String read(String uri) {
        return new String(budget.get(uri).returnResult().getResponseBody());
    }
}
