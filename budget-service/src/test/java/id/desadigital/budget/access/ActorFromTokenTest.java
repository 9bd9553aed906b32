package id.desadigital.budget.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.BudgetFixtures;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.platform.testing.TestTokens;

/**
 * The ledger's {@code actor} is the username in the token, whatever a request body says: a body naming another
 * actor is accepted (request bodies ignore fields the endpoint does not read) and the field has no effect.
 */
@BudgetServiceTest
class ActorFromTokenTest {

    private static final String SOMEONE_ELSE = "someone-else";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void everyLedgerEntryRecordsTheTokensUserNotTheBodysActor() {
        BudgetFixtures budget = new BudgetFixtures(web, mongo);
        String village = budget.activeVillage();
        String head = "Bearer " + TestTokens.villageHead(village);

        String program = id(budget.post(BudgetFixtures.FINANCE, "/api/budget/programs", withActor(Map.of(
                "fiscalYear", 2026, "name", "Website desa", "ceiling", 20_000_000, "fundingSource", "ADD",
                "activityCode", "1.4.08"))).expectStatus().isCreated());
        budget.post(BudgetFixtures.FINANCE, "/api/budget/programs/" + program + "/revisions",
                withActor(Map.of("ceiling", 25_000_000, "reason", "APBD-P"))).expectStatus().isOk();
        String allocation = id(budget.post(BudgetFixtures.FINANCE, "/api/budget/programs/" + program + "/allocations",
                withActor(Map.of("villageCode", village, "amount", 6_000_000))).expectStatus().isCreated());
        budget.post(BudgetFixtures.FINANCE, "/api/budget/allocations/" + allocation + "/adjustments",
                withActor(Map.of("delta", 1_000_000, "reason", "Tambah"))).expectStatus().isOk();
        String spending = id(budget.post(head, "/api/budget/allocations/" + allocation + "/spending",
                withActor(Map.of("amount", 2_000_000, "spentOn", "2026-04-01", "category", "WEBSITE",
                        "description", "Domain dan hosting"))).expectStatus().isCreated());
        budget.post(head, "/api/budget/spending/" + spending + "/reversal",
                withActor(Map.of("reason", "Salah input"))).expectStatus().isCreated();
        budget.post(BudgetFixtures.FINANCE, "/api/budget/programs/" + program + "/close",
                withActor(Map.of())).expectStatus().isOk();

        List<LedgerEntry> entries = mongo.find(query(where("programId").is(program)).with(Sort.by("occurredAt")),
                LedgerEntry.class).collectList().block();
        Map<String, String> actorByType = new HashMap<>();
        entries.forEach(entry -> actorByType.put(entry.type(), entry.actor()));
        assertThat(actorByType).containsOnly(
                Map.entry("PROGRAM_CREATED", "finance"),
                Map.entry("CEILING_REVISED", "finance"),
                Map.entry("FUNDS_ALLOCATED", "finance"),
                Map.entry("ALLOCATION_ADJUSTED", "finance"),
                Map.entry("SPENDING_RECORDED", "head-" + village),
                Map.entry("SPENDING_REVERSED", "head-" + village),
                Map.entry("PROGRAM_CLOSED", "finance"));
        assertThat(entries).extracting(LedgerEntry::actor).doesNotContain(SOMEONE_ELSE);
    }

    private static Map<String, Object> withActor(Map<String, Object> body) {
        Map<String, Object> forged = new HashMap<>(body);
        forged.put("actor", SOMEONE_ELSE);
        return forged;
    }

    private static String id(WebTestClient.ResponseSpec created) {
        return (String) created.expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
