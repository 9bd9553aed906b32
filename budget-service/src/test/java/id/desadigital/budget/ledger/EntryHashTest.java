package id.desadigital.budget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.observability.Traces;

/** The hash docs/audit.md tells an auditor to recompute by hand: its canonical text is part of the contract. */
class EntryHashTest {

    private final EntryFactory entries = new EntryFactory(
            Clock.fixed(Instant.parse("2026-03-02T04:05:06.789123Z"), ZoneOffset.UTC), Traces.none());

    @Test
    void theCanonicalTextIsCompactJsonInAFixedOrderWithSortedPayloadKeys() {
        LedgerEntry entry = entries.first("e-1", BudgetEvents.FUNDS_ALLOCATED, "keuangan", "33.03.01.2001", "p-1",
                "33.03.01.2001", new Document("note", "Internet desa").append("amount", 6_000_000));

        assertThat(EntryHash.canonical(entry)).isEqualTo("{\"id\":\"e-1\",\"type\":\"FUNDS_ALLOCATED\","
                + "\"occurredAt\":\"2026-03-02T04:05:06.789Z\",\"actor\":\"keuangan\",\"chain\":\"33.03.01.2001\","
                + "\"seq\":1,\"programId\":\"p-1\",\"villageCode\":\"33.03.01.2001\","
                + "\"payload\":{\"amount\":6000000,\"note\":\"Internet desa\"},\"prevHash\":\"" + EntryHash.GENESIS
                + "\"}");
        assertThat(entry.hash()).isEqualTo(sha256(EntryHash.canonical(entry)));
        assertThat(entry.occurredAt()).isEqualTo(Instant.parse("2026-03-02T04:05:06.789Z"));
    }

    @Test
    void anAmountReadBackAsInt32OrInt64HashesAlike() {
        LedgerEntry entry = entries.first("e-1", BudgetEvents.SPENDING_RECORDED, "kades", "33.03.01.2001", "p-1",
                "33.03.01.2001", new Document("amount", 1_000_000L));
        LedgerEntry readBack = withPayload(entry, new Document("amount", 1_000_000));

        assertThat(readBack.hashHolds()).isTrue();
        assertThat(withPayload(entry, new Document("amount", 1_000_001)).hashHolds()).isFalse();
    }

    @Test
    void eachEntryChainsToTheOneBefore() {
        LedgerEntry first = entries.first("e-1", BudgetEvents.PROGRAM_CREATED, "keuangan", "p-1", "p-1", null,
                new Document("ceiling", 1));
        Outboxed program = new Chained("p-1", 1, first.hash());
        LedgerEntry second = entries.next(program, "e-2", BudgetEvents.CEILING_REVISED, "keuangan", "p-1", null,
                new Document("ceiling", 2));

        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.link()).isEqualTo("p-1/2");
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hashHolds()).isTrue();
    }

    private static LedgerEntry withPayload(LedgerEntry entry, Document payload) {
        return new LedgerEntry(entry.id(), entry.type(), entry.occurredAt(), entry.actor(), entry.key(),
                entry.sequence(), entry.link(), entry.programId(), entry.villageCode(), payload, entry.prevHash(),
                entry.hash(), entry.traceparent());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    record Chained(String id, long sequence, String chainHash) implements Outboxed {

        @Override
        public long revision() {
            return 0;
        }

        @Override
        public java.util.List<LedgerEntry> pending() {
            return java.util.List.of();
        }
    }
}
