package id.desadigital.budget.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.BudgetFixtures;
import id.desadigital.budget.ledger.EntryHash;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.platform.testing.TestTokens;
import reactor.test.StepVerifier;

/** What an auditor asks of the ledger: a village's complete history, as JSON and CSV, and whether it was altered. */
@BudgetServiceTest
class LedgerAuditTest {

    private static final String AUDITOR = "Bearer " + TestTokens.auditor();

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    BudgetFixtures budget;
    String program;
    String village;
    String allocation;
    String firstSpending;
    String secondSpending;

    @BeforeEach
    void scenario() {
        budget = new BudgetFixtures(web, mongo);
        program = budget.program(100_000_000);
        village = budget.activeVillage();
        allocation = budget.allocation(program, village, 6_000_000);
        firstSpending = spendingId(budget.spend(allocation, village, 1_000_000));
        secondSpending = spendingId(budget.spend(allocation, village, 2_000_000));
        budget.post("Bearer " + TestTokens.villageHead(village), "/api/budget/spending/" + secondSpending + "/reversal",
                Map.of("reason", "Nota ganda")).expectStatus().isCreated();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVillagesHistoryIsCompleteOrderedAndChained() {
        List<Map<String, Object>> rows = rows(ledger("?villageCode=" + village, AUDITOR));

        assertThat(rows).extracting(row -> row.get("type")).containsExactly("FUNDS_ALLOCATED", "SPENDING_RECORDED",
                "SPENDING_RECORDED", "SPENDING_REVERSED");
        assertThat(rows).extracting(row -> row.get("seq")).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(row -> row.get("amount")).containsExactly(6_000_000, 1_000_000, 2_000_000, 2_000_000);
        assertThat(rows).extracting(row -> row.get("actor")).containsExactly("finance", "head-" + village,
                "head-" + village, "head-" + village);
        assertThat(rows.get(0).get("prevHash")).isEqualTo(EntryHash.GENESIS);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("prevHash")).isEqualTo(rows.get(i - 1).get("hash"));
        }
        assertThat((Map<String, Object>) rows.get(1).get("payload")).containsEntry("category", "HARDWARE")
                .containsEntry("receiptNo", "INV/017").containsEntry("spentOn", "2026-03-02");
        assertThat(rows.get(3)).containsEntry("spendingId", secondSpending).containsEntry("reason", "Nota ganda")
                .containsEntry("allocationId", allocation).containsEntry("programId", program)
                .containsEntry("villageCode", village);
    }

    @Test
    void filtersAndPagesNarrowTheHistory() {
        var page = ledger("?villageCode=" + village + "&type=SPENDING_RECORDED&page=1&size=1", AUDITOR);
        assertThat(page.get("total")).isEqualTo(2);
        assertThat(rows(page)).extracting(row -> row.get("id")).containsExactly(secondSpending);

        var firstPage = ledger("?villageCode=" + village + "&size=3", AUDITOR);
        assertThat(firstPage.get("total")).isEqualTo(4);
        assertThat(rows(firstPage)).hasSize(3);

        var byProgram = ledger("?programId=" + program, AUDITOR);
        assertThat(rows(byProgram)).extracting(row -> row.get("type")).containsExactly("PROGRAM_CREATED",
                "FUNDS_ALLOCATED", "SPENDING_RECORDED", "SPENDING_RECORDED", "SPENDING_REVERSED");
    }

    @Test
    void theCsvHasOneRowPerEntry() {
        String csv = web.get().uri("/api/budget/ledger?villageCode=" + village)
                .header(HttpHeaders.AUTHORIZATION, AUDITOR).accept(MediaType.parseMediaType("text/csv")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();

        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("seq,id,type,occurredAt,actor,programId,villageCode,allocationId,spendingId,amount");
        assertThat(lines[4]).startsWith("4,").contains(",SPENDING_REVERSED,").contains(",2000000,")
                .contains("Nota ganda");
    }

    @Test
    void asOfBetweenTwoSpendsShowsOnlyTheFirst() {
        var entries = rows(ledger("?villageCode=" + village, AUDITOR));
        String firstSpentAt = (String) entries.get(1).get("occurredAt");
        String secondSpentAt = (String) entries.get(2).get("occurredAt");
        org.junit.jupiter.api.Assumptions.assumeTrue(!firstSpentAt.equals(secondSpentAt),
                "both spends fell in one millisecond");

        web.get().uri("/api/budget/villages/" + village + "/summary?fiscalYear=2026&asOf=" + firstSpentAt)
                .header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.allocated").isEqualTo(6_000_000)
                .jsonPath("$.spent").isEqualTo(1_000_000);
        web.get().uri("/api/budget/villages/" + village + "/summary?fiscalYear=2026")
                .header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.spent").isEqualTo(1_000_000);
    }

    @Test
    void aProgramAsOfAnInstantShowsWhatTheLedgerHeldThen() {
        var programEntries = rows(ledger("?programId=" + program, AUDITOR));
        String createdAt = (String) programEntries.get(0).get("occurredAt");
        String allocatedAt = (String) programEntries.get(1).get("occurredAt");
        String firstSpentAt = (String) programEntries.get(2).get("occurredAt");
        org.junit.jupiter.api.Assumptions.assumeTrue(!allocatedAt.equals(firstSpentAt),
                "the allocation and the first spend fell in one millisecond");

        budget.get("/api/budget/programs/" + program + "?asOf=" + allocatedAt)
                .jsonPath("$.ceiling").isEqualTo(100_000_000)
                .jsonPath("$.allocated").isEqualTo(6_000_000)
                .jsonPath("$.spent").isEqualTo(0)
                .jsonPath("$.available").isEqualTo(94_000_000)
                .jsonPath("$.status").isEqualTo("OPEN");
        budget.get("/api/budget/programs/" + program + "?asOf=" + java.time.Instant.now())
                .jsonPath("$.allocated").isEqualTo(6_000_000)
                .jsonPath("$.spent").isEqualTo(1_000_000);
        web.get().uri("/api/budget/programs/" + program + "?asOf="
                        + java.time.Instant.parse(createdAt).minusSeconds(1))
                .header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange().expectStatus().isNotFound();
        problem("/api/budget/programs/" + program + "?asOf=yesterday", "asOf");
    }

    @Test
    void verifyFindsAnAmountAlteredInTheStoreAndNamesIt() {
        web.get().uri("/api/budget/ledger/verify").header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.firstBadEntry").doesNotExist();

        alterAmount(firstSpending, 100_000);
        try {
            web.get().uri("/api/budget/ledger/verify").header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.valid").isEqualTo(false)
                    .jsonPath("$.firstBadEntry").isEqualTo(firstSpending)
                    .jsonPath("$.chain").isEqualTo(village);
        } finally {
            alterAmount(firstSpending, 1_000_000);
        }
        web.get().uri("/api/budget/ledger/verify").header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    void anAccountDocumentTheServiceCouldNotMapIsStillVerifiedNotA500() {
        String stray = budget.activeVillage();
        mongo.insert(new org.bson.Document("_id", stray).append("sequence", 0), "village_accounts").block();
        try {
            web.get().uri("/api/budget/ledger/verify").header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(true);
        } finally {
            mongo.remove(query(where("_id").is(stray)), "village_accounts").block();
        }
    }

    @Test
    void onlyTheRolesApiMdNamesReadTheLedger() {
        String ownHead = "Bearer " + TestTokens.villageHead(village);
        String otherHead = "Bearer " + TestTokens.villageHead(budget.activeVillage());
        status("/api/budget/ledger?villageCode=" + village, ownHead, 200);
        status("/api/budget/ledger?villageCode=" + village, "Bearer " + TestTokens.financeOfficer(), 200);
        status("/api/budget/ledger?villageCode=" + village, otherHead, 403);
        status("/api/budget/ledger", ownHead, 403);
        status("/api/budget/ledger", "Bearer " + TestTokens.admin(), 403);
        status("/api/budget/ledger/verify", "Bearer " + TestTokens.financeOfficer(), 403);
        status("/api/budget/ledger/verify", ownHead, 403);
        status("/api/budget/ledger", null, 401);
    }

    @Test
    void malformedParametersAre400NamingThem() {
        problem("/api/budget/ledger?type=DELETED", "type");
        problem("/api/budget/ledger?from=yesterday", "from");
        problem("/api/budget/ledger?villageCode=.*", "villageCode");
        problem("/api/budget/ledger?size=501", "size");
    }

    private void alterAmount(String entryId, long amount) {
        StepVerifier.create(mongo.updateFirst(query(where("_id").is(entryId)), new Update().set("payload.amount", amount),
                LedgerEntry.class)).assertNext(result -> assertThat(result.getModifiedCount()).isOne()).verifyComplete();
    }

    private void status(String uri, String authorization, int status) {
        var request = web.get().uri(uri);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        request.exchange().expectStatus().isEqualTo(status);
    }

    private void problem(String uri, String field) {
        web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, AUDITOR).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ledger(String query, String authorization) {
        return web.get().uri("/api/budget/ledger" + query).header(HttpHeaders.AUTHORIZATION, authorization)
                .accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static String spendingId(WebTestClient.ResponseSpec response) {
        return (String) response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id");
    }
}
