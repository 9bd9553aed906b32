package id.desadigital.budget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.idempotency.Idempotency;
import id.desadigital.platform.testing.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** The Idempotency-Key header on ledger writes: a repeated request answers the same and writes nothing new. */
@BudgetServiceTest
class IdempotencyKeyTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    BudgetFixtures budget;
    String village;
    String allocation;

    @BeforeEach
    void allocation() {
        budget = new BudgetFixtures(web, mongo);
        village = budget.activeVillage();
        allocation = budget.allocation(budget.program(100_000_000), village, 6_000_000);
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstResponseAndSpendOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = spend(key, 2_000_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Object> again = spend(key, 2_000_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(2_000_000);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        spend(key, 2_000_000).expectStatus().isCreated();

        spend(key, 3_000_000).expectStatus().isEqualTo(422);
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(2_000_000);
    }

    @Test
    void aRefusalIsAnsweredAgainEvenOnceTheRequestWouldFit() {
        String key = UUID.randomUUID().toString();
        budget.spend(allocation, village, 5_000_000).expectStatus().isCreated();
        spend(key, 2_000_000).expectStatus().isEqualTo(409);

        // Room is made; the keyed request is still the one that was refused.
        budget.post(BudgetFixtures.FINANCE, "/api/budget/allocations/" + allocation + "/adjustments",
                Map.of("delta", 5_000_000, "reason", "Tambah")).expectStatus().isOk();
        spend(key, 2_000_000).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.status").isEqualTo(409).jsonPath("$.detail").exists();
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(5_000_000);
    }

    @Test
    void aRequestWhoseProcessDiedAfterClaimingTheKeyIsDoneByTheNextOneWithTheKey() {
        String key = UUID.randomUUID().toString();
        String caller = "head-" + village;
        String seed = TimeOrderedIds.next(Instant.now().minusSeconds(3600));
        mongo.insert(claim(caller, key, seed, Instant.now().minusSeconds(3600)), "idempotency_keys").block();

        Map<String, Object> answer = spend(key, 1_000_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer.get("id")).isEqualTo(seed);
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(1_000_000);
    }

    @Test
    void aRequestWhoseProcessDiedAfterWritingIsAnsweredFromTheLedgerAndNotWrittenAgain() {
        String key = UUID.randomUUID().toString();
        String caller = "head-" + village;
        // The write landed under the claim's id, then the process died before storing the answer: the claim is
        // left as it was before the answer, an hour old.
        String spending = (String) spend(key, 1_000_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caller + "|" + key)),
                new Update().unset("status").unset("contentType").unset("body")
                        .set("startedAt", Date.from(Instant.now().minusSeconds(3600))), "idempotency_keys").block();

        spend(key, 1_000_000).expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(spending);
        budget.get("/api/budget/allocations/" + allocation).jsonPath("$.spent").isEqualTo(1_000_000);
    }

    /** The claim a request with this key and {@code spend(key, 1_000_000)}'s body left when its process died. */
    private Document claim(String caller, String key, String seed, Instant startedAt) {
        String fingerprint = Idempotency.fingerprint("POST /api/budget/allocations/" + allocation + "/spending",
                JsonMapper.builder().build().readTree(body(1_000_000)));
        return new Document("_id", caller + "|" + key).append("fingerprint", fingerprint)
                .append("seed", seed).append("startedAt", Date.from(startedAt));
    }

    private static String body(long amount) {
        return """
                {"amount":%d,"spentOn":"2026-03-02","category":"DATA","description":"Pendataan"}""".formatted(amount);
    }

    private WebTestClient.ResponseSpec spend(String key, long amount) {
        return web.post().uri("/api/budget/allocations/" + allocation + "/spending")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.villageHead(village))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(amount))
                .exchange();
    }
}
