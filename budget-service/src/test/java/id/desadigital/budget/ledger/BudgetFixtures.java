package id.desadigital.budget.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.budget.village.VillageStatus;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.platform.testing.TestTokens;

/** What the budget tests set up through the API, each test on its own program and villages. */
public final class BudgetFixtures {

    public static final String FINANCE = "Bearer " + TestTokens.financeOfficer();
    /** Village codes of a test run start somewhere random, so runs against one store never share a village. */
    private static final AtomicInteger NEXT_VILLAGE = new AtomicInteger(ThreadLocalRandom.current().nextInt(9_000_000));

    private final WebTestClient web;
    private final ReactiveMongoTemplate mongo;

    public BudgetFixtures(WebTestClient web, ReactiveMongoTemplate mongo) {
        this.web = web;
        this.mongo = mongo;
    }

    /** A village the budget service has heard of, as if from village-events; codes never repeat across tests. */
    public String village(VillageStatus status) {
        int n = NEXT_VILLAGE.getAndIncrement();
        String code = String.format("77.%02d.%02d.2%03d", n / 100_000 % 100, n / 1000 % 100, n % 1000);
        mongo.save(new KnownVillage(code, "Desa " + code, code.substring(0, 8), code.substring(0, 5), status, 1,
                UUID.randomUUID().toString(), Instant.now())).block();
        return code;
    }

    public String activeVillage() {
        return village(VillageStatus.ACTIVE);
    }

    /**
     * The state a spending request leaves when its process dies right after its compare-and-set: the village's
     * account changed (Rp 1,000 spent of an allocation of Rp 5,000 on program-x), its entry only in the outbox.
     */
    public LedgerEntry strandedSpending(EntryFactory entries, String villageCode, String allocationId,
            String spendingId) {
        LedgerEntry recorded = entries.first(spendingId, BudgetEvents.SPENDING_RECORDED, "kades", villageCode,
                "program-x", villageCode, new SpendingRecorded(spendingId, allocationId, "program-x", 2026,
                        villageCode, 1_000, LocalDate.parse("2026-03-02"), "DATA", "Data desa", null, null));
        mongo.insert(new VillageAccount(villageCode, 1, 1, recorded.hash(), 0,
                List.of(new AccountAllocation(allocationId, "program-x", 2026, 5_000, 1_000)), List.of(), List.of(),
                List.of(recorded), villageCode)).block();
        return recorded;
    }

    public String program(long ceiling) {
        return (String) post(FINANCE, "/api/budget/programs", Map.of("fiscalYear", 2026, "name", "Digitalisasi Desa",
                "ceiling", ceiling, "fundingSource", "PBK", "activityCode", "1.4.08"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    public String allocation(String programId, String villageCode, long amount) {
        return (String) allocate(programId, villageCode, amount).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    public WebTestClient.ResponseSpec allocate(String programId, String villageCode, long amount) {
        return post(FINANCE, "/api/budget/programs/" + programId + "/allocations",
                Map.of("villageCode", villageCode, "amount", amount, "note", "Internet desa"));
    }

    public WebTestClient.ResponseSpec spend(String allocationId, String villageCode, Object amount) {
        return post("Bearer " + TestTokens.villageHead(villageCode), "/api/budget/allocations/" + allocationId + "/spending",
                Map.of("amount", amount, "spentOn", "2026-03-02", "category", "HARDWARE",
                        "description", "Laptop operator SID", "vendor", "CV Maju Jaya", "receiptNo", "INV/017"));
    }

    public WebTestClient.ResponseSpec post(String authorization, String uri, Object body) {
        return web.post().uri(uri).header(HttpHeaders.AUTHORIZATION, authorization).bodyValue(body).exchange();
    }

    public WebTestClient.BodyContentSpec get(String uri) {
        return web.get().uri(uri).header(HttpHeaders.AUTHORIZATION, FINANCE).exchange()
                .expectStatus().isOk().expectBody();
    }
}
