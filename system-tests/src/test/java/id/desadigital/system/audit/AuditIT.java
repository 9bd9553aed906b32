package id.desadigital.system.audit;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static id.desadigital.system.support.Fixture.VILLAGE_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's scenario on the running stack, as an auditor meets it: after spending and a reversal the history is
 * complete and ordered, the chains verify, an amount altered in the store is caught, {@code asOf} between two spends
 * shows only the first, the CSV has a row per entry, and the public figures are the officers' without names.
 */
@ExtendWith(StackExtension.class)
class AuditIT {

    @Test
    void theAuditorsViewOfASpendingYear(Fixture fixture, RunningStack stack) {
        String gateway = fixture.gateway();
        String officer = fixture.token(Who.FINANCE_OFFICER);
        String auditor = fixture.token(Who.AUDITOR);
        String head = headOf(fixture, VILLAGE_C);
        String program = Fixture.program(gateway, officer, 50_000_000L);
        String allocation = Fixture.allocate(gateway, officer, program, VILLAGE_C, 6_000_000L);
        String first = spend(gateway, head, allocation, 1_000_000L);
        // A spend takes a round trip through the gateway and the store, so the second is in a later millisecond;
        // isBefore below says so if it ever is not.
        String second = spend(gateway, head, allocation, 2_000_000L);
        Api.ok("POST", gateway + "/api/budget/spending/" + second + "/reversal", head, Map.of("reason", "Nota ganda"));
        String history = gateway + "/api/budget/ledger?villageCode=" + VILLAGE_C + "&programId=" + program;

        List<JsonNode> rows = items(Api.ok("GET", history, auditor, null));
        assertThat(rows).extracting(row -> row.path("type").asString()).containsExactly("FUNDS_ALLOCATED",
                "SPENDING_RECORDED", "SPENDING_RECORDED", "SPENDING_REVERSED");
        assertThat(rows).extracting(row -> row.path("amount").asLong()).containsExactly(6_000_000L, 1_000_000L,
                2_000_000L, 2_000_000L);
        assertThat(rows).extracting(row -> row.path("seq").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(rows.get(3).path("actor").asString()).isEqualTo("head-c");
        assertThat(rows.get(0).path("actor").asString()).isEqualTo(fixture.username(Who.FINANCE_OFFICER));

        String csv = Api.send("GET", history, auditor, null, null, "text/csv").body();
        assertThat(csv.split("\r\n")).hasSize(1 + rows.size());

        Instant firstSpent = Instant.parse(rows.get(1).path("occurredAt").asString());
        Instant secondSpent = Instant.parse(rows.get(2).path("occurredAt").asString());
        assertThat(firstSpent).isBefore(secondSpent);
        JsonNode then = Api.ok("GET", gateway + "/api/budget/programs/" + program + "?asOf=" + firstSpent, auditor,
                null);
        assertThat(then.path("spent").asLong()).isEqualTo(1_000_000L);
        JsonNode villageThen = Api.ok("GET", gateway + "/api/budget/villages/" + VILLAGE_C + "/summary?fiscalYear="
                + FISCAL_YEAR + "&asOf=" + firstSpent, auditor, null);
        assertThat(allocationIn(villageThen, allocation).path("spent").asLong()).isEqualTo(1_000_000L);
        JsonNode now = Api.ok("GET", gateway + "/api/budget/villages/" + VILLAGE_C + "/summary?fiscalYear="
                + FISCAL_YEAR, auditor, null);
        assertThat(allocationIn(now, allocation).path("spent").asLong()).isEqualTo(1_000_000L);

        for (String groupBy : List.of("village", "district")) {
            String query = "?fiscalYear=" + FISCAL_YEAR + "&groupBy=" + groupBy;
            JsonNode officers = Api.ok("GET", gateway + "/api/budget/reports/realization" + query, officer, null);
            // The public answer is cached for PUBLIC_REPORT_CACHE_TTL (60 s): the same figures, at most that late.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Api.Answer published = Api.send("GET", gateway + "/api/public/realization" + query, null, null);
                assertThat(published.status()).isEqualTo(200);
                assertThat(published.json()).isEqualTo(officers);
                assertThat(published.body()).doesNotContain("head-c", "PT Telkom", "INV-1",
                        fixture.username(Who.FINANCE_OFFICER));
            });
        }

        String verify = gateway + "/api/budget/ledger/verify";
        assertThat(Api.ok("GET", verify, auditor, null).path("valid").asBoolean()).isTrue();
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            var entries = mongo.getDatabase("budget").getCollection("ledger_entries");
            entries.updateOne(new Document("_id", first), new Document("$set", new Document("payload.amount", 100)));
            try {
                JsonNode verdict = Api.ok("GET", verify, auditor, null);
                assertThat(verdict.path("valid").asBoolean()).isFalse();
                assertThat(verdict.path("firstBadEntry").asString()).isEqualTo(first);
            } finally {
                entries.updateOne(new Document("_id", first),
                        new Document("$set", new Document("payload.amount", 1_000_000L)));
            }
        }
        assertThat(Api.ok("GET", verify, auditor, null).path("valid").asBoolean()).isTrue();
    }

    private static String headOf(Fixture fixture, String village) {
        String username = "head-c";
        Api.Answer created = Api.send("POST", fixture.gateway() + "/api/auth/users", fixture.token(Who.ADMIN),
                Map.of("username", username, "password", Fixture.password(username), "role", "VILLAGE_HEAD",
                        "villageCode", village));
        assertThat(created.status()).as("%s", created).isIn(201, 409);
        return Api.signIn(fixture.gateway(), username, Fixture.password(username));
    }

    private static String spend(String gateway, String head, String allocation, long amount) {
        return Api.ok("POST", gateway + "/api/budget/allocations/" + allocation + "/spending", head,
                Map.of("amount", amount, "spentOn", FISCAL_YEAR + "-04-01", "category", "HARDWARE",
                        "description", "Laptop operator", "vendor", "PT Telkom", "receiptNo", "R-" + UUID.randomUUID()))
                .path("id").asString();
    }

    private static JsonNode allocationIn(JsonNode summary, String allocation) {
        for (JsonNode candidate : summary.path("allocations")) {
            if (candidate.path("id").asString().equals(allocation)) {
                return candidate;
            }
        }
        throw new AssertionError("allocation " + allocation + " is not in " + summary);
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
