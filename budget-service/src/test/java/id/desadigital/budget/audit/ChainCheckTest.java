package id.desadigital.budget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.observability.Traces;

/** What verification finds in one chain, whichever way it was tampered with. */
class ChainCheckTest {

    private final EntryFactory entries = new EntryFactory(Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"),
            ZoneOffset.UTC), Traces.none());

    @Test
    void anIntactChainHolds() {
        Chain chain = chain(4);

        var result = ChainCheck.check(chain.account(), chain.entries());

        assertThat(result.bad()).isNull();
        assertThat(result.entries()).isEqualTo(4);
    }

    @Test
    void anAlteredAmountIsNamed() {
        Chain chain = chain(4);
        List<LedgerEntry> stored = new ArrayList<>(chain.entries());
        stored.set(1, with(stored.get(1), new Document("amount", 999)));

        var bad = ChainCheck.check(chain.account(), stored).bad();

        assertThat(bad.id()).isEqualTo("e-2");
        assertThat(bad.reason()).contains("altered");
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheNextLink() {
        Chain chain = chain(4);
        List<LedgerEntry> stored = new ArrayList<>(chain.entries());
        LedgerEntry original = stored.get(1);
        // Whoever rewrote it also knew how to hash it: the entry after it no longer points at it.
        Outboxed before = new Account("33.03.01.2001", 1, stored.get(0).hash(), List.of());
        stored.set(1, entries.next(before, original.id(), original.type(), "someone-else", original.programId(),
                original.villageCode(), new Document("amount", 1)));

        assertThat(ChainCheck.check(chain.account(), stored).bad().id()).isEqualTo("e-3");
    }

    @Test
    void aDeletedEntryIsFoundByTheOneAfterItAndADeletedTailByTheCount() {
        Chain chain = chain(4);
        List<LedgerEntry> withoutSecond = new ArrayList<>(chain.entries());
        withoutSecond.remove(1);
        List<LedgerEntry> withoutLast = chain.entries().subList(0, 3);

        assertThat(ChainCheck.check(chain.account(), withoutSecond).bad().id()).isEqualTo("e-3");
        var tail = ChainCheck.check(chain.account(), withoutLast).bad();
        assertThat(tail.id()).isNull();
        assertThat(tail.seq()).isEqualTo(4);
    }

    @Test
    void entriesStillInTheOutboxCountAsPartOfTheChain() {
        Chain chain = chain(3);
        var account = new Account(chain.account().id(), 3, chain.account().chainHash(), List.of(chain.entries().get(2)));

        assertThat(ChainCheck.check(account, chain.entries().subList(0, 2)).bad()).isNull();
    }

    private Chain chain(int length) {
        List<LedgerEntry> made = new ArrayList<>();
        Account account = new Account("33.03.01.2001", 0, null, List.of());
        for (int i = 1; i <= length; i++) {
            LedgerEntry entry = entries.next(account, "e-" + i, BudgetEvents.SPENDING_RECORDED, "kades", "p-1",
                    account.id(), new Document("amount", i * 1_000));
            made.add(entry);
            account = new Account(account.id(), entry.sequence(), entry.hash(), List.of());
        }
        return new Chain(account, List.copyOf(made));
    }

    private static LedgerEntry with(LedgerEntry entry, Document payload) {
        return new LedgerEntry(entry.id(), entry.type(), entry.occurredAt(), entry.actor(), entry.key(),
                entry.sequence(), entry.link(), entry.programId(), entry.villageCode(), payload, entry.prevHash(),
                entry.hash(), entry.traceparent());
    }

    record Chain(Account account, List<LedgerEntry> entries) {
    }

    record Account(String id, long sequence, String chainHash, List<LedgerEntry> pending) implements Outboxed {

        @Override
        public long revision() {
            return 0;
        }
    }
}
