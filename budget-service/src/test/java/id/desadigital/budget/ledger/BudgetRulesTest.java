package id.desadigital.budget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.village.VillageStatus;
import id.desadigital.platform.testing.TestTokens;

/** The budget rules, through the HTTP API as finance officers and village heads meet them. */
@BudgetServiceTest
class BudgetRulesTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    BudgetFixtures budget;

    @BeforeEach
    void fixtures() {
        budget = new BudgetFixtures(web, mongo);
    }

    @Test
    void allocationsFillTheCeilingExactlyAndTheNextOneIsRefused() {
        String program = budget.program(18_000_000);
        for (int i = 0; i < 3; i++) {
            budget.allocation(program, budget.activeVillage(), 6_000_000);
        }

        budget.allocate(program, budget.activeVillage(), 1).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        budget.get("/api/budget/programs/" + program)
                .jsonPath("$.ceiling").isEqualTo(18_000_000)
                .jsonPath("$.allocated").isEqualTo(18_000_000)
                .jsonPath("$.available").isEqualTo(0)
                .jsonPath("$.status").isEqualTo("OPEN");
    }

    @Test
    void oneAllocationPerVillageAndProgram() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        budget.allocation(program, village, 6_000_000);

        budget.allocate(program, village, 1_000).expectStatus().isEqualTo(409);
        budget.get("/api/budget/programs/" + program).jsonPath("$.allocated").isEqualTo(6_000_000);
    }

    @Test
    void unknownAndInactiveVillagesAreRefusedWith422() {
        String program = budget.program(100_000_000);

        budget.allocate(program, "99.99.99.2999", 1_000).expectStatus().isEqualTo(422);
        budget.allocate(program, budget.village(VillageStatus.INACTIVE), 1_000).expectStatus().isEqualTo(422);
        budget.get("/api/budget/programs/" + program).jsonPath("$.allocated").isEqualTo(0);
    }

    @Test
    void aHeadSpendsUpToTheExactAllocationAndNotOneRupiahMore() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);

        budget.spend(allocation, village, 2_500_000).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("RECORDED").jsonPath("$.villageCode").isEqualTo(village);
        budget.spend(allocation, village, 3_500_000).expectStatus().isCreated();
        budget.spend(allocation, village, 1).expectStatus().isEqualTo(409);

        budget.get("/api/budget/allocations/" + allocation)
                .jsonPath("$.amount").isEqualTo(6_000_000)
                .jsonPath("$.spent").isEqualTo(6_000_000)
                .jsonPath("$.remaining").isEqualTo(0);
        budget.get("/api/budget/programs/" + program).jsonPath("$.spent").isEqualTo(6_000_000);
    }

    @Test
    void aReversalGivesTheAmountBackOnce() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);
        String spending = (String) budget.spend(allocation, village, 6_000_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String head = "Bearer " + TestTokens.villageHead(village);

        budget.post(head, "/api/budget/spending/" + spending + "/reversal", Map.of("reason", "Nota ganda"))
                .expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("REVERSED");
        budget.post(BudgetFixtures.FINANCE, "/api/budget/spending/" + spending + "/reversal",
                Map.of("reason", "Lagi")).expectStatus().isEqualTo(409);

        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(0);
        budget.spend(allocation, village, 6_000_000).expectStatus().isCreated();
    }

    @Test
    void onlyTheHeadOfTheAllocationsVillageSpendsFromIt() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);

        budget.spend(allocation, budget.activeVillage(), 1_000).expectStatus().isForbidden();
        budget.post("Bearer " + TestTokens.auditor(), "/api/budget/allocations/" + allocation + "/spending",
                Map.of("amount", 1_000)).expectStatus().isForbidden();
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "1.5", "1e3", "\"1000\"", "10000000000001", "99999999999999999999", "null"})
    void malformedAmountsAre400AndWriteNothing(String amount) {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);
        String head = "Bearer " + TestTokens.villageHead(village);

        web.post().uri("/api/budget/allocations/" + allocation + "/spending")
                .header("Authorization", head).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"amount": %s, "spentOn": "2026-03-02", "category": "HARDWARE", "description": "Modem"}"""
                        .formatted(amount))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("amount");
        web.post().uri("/api/budget/programs/" + program + "/allocations")
                .header("Authorization", BudgetFixtures.FINANCE).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"villageCode": "%s", "amount": %s}""".formatted(budget.activeVillage(), amount))
                .exchange()
                .expectStatus().isBadRequest();

        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(0);
        budget.get("/api/budget/programs/" + program).jsonPath("$.allocated").isEqualTo(6_000_000);
    }

    @Test
    void badDatesAndCategoriesAre400NamingEachField() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);

        budget.post("Bearer " + TestTokens.villageHead(village), "/api/budget/allocations/" + allocation + "/spending",
                        Map.of("amount", 1000, "spentOn", "2026-02-30", "category", "FOOD", "description", "Modem"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'spentOn')]").exists()
                .jsonPath("$.errors[?(@.field == 'category')]").exists();
    }

    @Test
    void adjustmentsKeepTheCeilingAndWhatIsSpent() {
        String program = budget.program(10_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);
        budget.spend(allocation, village, 5_000_000).expectStatus().isCreated();
        String adjustments = "/api/budget/allocations/" + allocation + "/adjustments";

        budget.post(BudgetFixtures.FINANCE, adjustments, Map.of("delta", 4_000_001, "reason", "Tambah"))
                .expectStatus().isEqualTo(409);
        budget.post(BudgetFixtures.FINANCE, adjustments, Map.of("delta", -1_000_001, "reason", "Kurang"))
                .expectStatus().isEqualTo(409);
        budget.post(BudgetFixtures.FINANCE, adjustments, Map.of("delta", 4_000_000, "reason", "Tambah"))
                .expectStatus().isOk().expectBody().jsonPath("$.amount").isEqualTo(10_000_000);
        budget.post(BudgetFixtures.FINANCE, adjustments, Map.of("delta", -5_000_000, "reason", "Kurang"))
                .expectStatus().isOk().expectBody().jsonPath("$.amount").isEqualTo(5_000_000);

        budget.get("/api/budget/programs/" + program)
                .jsonPath("$.allocated").isEqualTo(5_000_000)
                .jsonPath("$.available").isEqualTo(5_000_000);
    }

    @Test
    void aRevisionCannotGoBelowWhatIsAllocated() {
        String program = budget.program(10_000_000);
        budget.allocation(program, budget.activeVillage(), 6_000_000);
        String revisions = "/api/budget/programs/" + program + "/revisions";

        budget.post(BudgetFixtures.FINANCE, revisions, Map.of("ceiling", 5_999_999, "reason", "APBD-P"))
                .expectStatus().isEqualTo(409);
        budget.post(BudgetFixtures.FINANCE, revisions, Map.of("ceiling", 6_000_000, "reason", "APBD-P"))
                .expectStatus().isOk().expectBody().jsonPath("$.available").isEqualTo(0);
    }

    @Test
    void nothingChangesOnAClosedProgram() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);
        String spending = (String) budget.spend(allocation, village, 1_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        budget.post(BudgetFixtures.FINANCE, "/api/budget/programs/" + program + "/close", Map.of())
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        budget.spend(allocation, village, 1_000).expectStatus().isEqualTo(409);
        budget.allocate(program, budget.activeVillage(), 1_000).expectStatus().isEqualTo(409);
        budget.post(BudgetFixtures.FINANCE, "/api/budget/allocations/" + allocation + "/adjustments",
                Map.of("delta", 1_000, "reason", "x")).expectStatus().isEqualTo(409);
        budget.post(BudgetFixtures.FINANCE, "/api/budget/programs/" + program + "/revisions",
                Map.of("ceiling", 200_000_000, "reason", "x")).expectStatus().isEqualTo(409);
        budget.post(BudgetFixtures.FINANCE, "/api/budget/spending/" + spending + "/reversal",
                Map.of("reason", "x")).expectStatus().isEqualTo(409);
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(1_000);
    }

    @Test
    void fortyConcurrentSpendsThatTogetherPassTheAllocationSucceedExactlyAsFarAsTheyFit() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);

        List<CompletableFuture<Integer>> spends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            spends.add(CompletableFuture.supplyAsync(() -> budget.spend(allocation, village, 250_000)
                    .returnResult(String.class).getStatus().value()));
        }
        List<Integer> statuses = spends.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(24);
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(6_000_000);
    }

    @Test
    void theSummaryTotalsAVillagesYearForItsHeadButNotForAnotherVillagesHead() {
        String village = budget.activeVillage();
        String first = budget.allocation(budget.program(100_000_000), village, 6_000_000);
        budget.allocation(budget.program(100_000_000), village, 4_000_000);
        budget.spend(first, village, 1_500_000).expectStatus().isCreated();

        web.get().uri("/api/budget/villages/" + village + "/summary?fiscalYear=2026")
                .header("Authorization", "Bearer " + TestTokens.villageHead(village)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.allocated").isEqualTo(10_000_000)
                .jsonPath("$.spent").isEqualTo(1_500_000)
                .jsonPath("$.remaining").isEqualTo(8_500_000)
                .jsonPath("$.allocations.length()").isEqualTo(2);
        web.get().uri("/api/budget/villages/" + village + "/summary?fiscalYear=2026")
                .header("Authorization", "Bearer " + TestTokens.villageHead(budget.activeVillage())).exchange()
                .expectStatus().isForbidden();
    }
}
