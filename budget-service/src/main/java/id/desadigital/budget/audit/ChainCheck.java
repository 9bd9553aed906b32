package id.desadigital.budget.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.EntryHash;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;

/**
 * Checks one chain: each entry's hash must be what its content gives, its {@code prevHash} the hash of the entry
 * before it (the first one's {@link EntryHash#GENESIS}), no place may be empty, and the last hash must be the one
 * the chain's document holds. Entries are read from the ledger and, where not stored yet, from the document's
 * outbox.
 */
final class ChainCheck {

    private ChainCheck() {
    }

    /** What was found in one chain: how many entries it holds, and its first bad one if any. */
    record Result(long entries, BadEntry bad) {
    }

    /** The first entry that does not hold; {@code id} is null when the chain's tail is missing. */
    record BadEntry(String id, String chain, long seq, Instant occurredAt, String reason) {
    }

    static Result check(Outboxed document, List<LedgerEntry> stored) {
        Map<Long, LedgerEntry> chain = Chains.merged(document, stored, 1, document.sequence());
        String previous = EntryHash.GENESIS;
        Long missing = null;
        LedgerEntry last = null;
        for (long seq = 1; seq <= document.sequence(); seq++) {
            LedgerEntry entry = chain.get(seq);
            if (entry == null) {
                missing = missing == null ? seq : missing;
                continue;
            }
            if (missing != null) {
                return bad(seq, entry, "entry " + missing + " of its chain, before it, is missing from the ledger");
            }
            if (!entry.hashHolds()) {
                return bad(seq, entry, entry.hash() == null ? "it has no hash"
                        : "its content does not give its hash: it was altered after it was written");
            }
            if (!previous.equals(entry.prevHash())) {
                return bad(seq, entry, "its prevHash is not the hash of the entry before it in its chain");
            }
            previous = entry.hash();
            last = entry;
        }
        if (missing != null) {
            return new Result(chain.size(), new BadEntry(null, document.id(), missing, null,
                    "entries " + missing + " to " + document.sequence() + " of the chain are missing from the ledger"));
        }
        if (last != null && !last.hash().equals(document.chainHash())) {
            return bad(last.sequence(), last, "its hash is not the one the chain's document holds as its last");
        }
        return new Result(document.sequence(), null);
    }

    private static Result bad(long seq, LedgerEntry entry, String reason) {
        return new Result(seq, new BadEntry(entry.id(), entry.key(), seq, entry.occurredAt(), reason));
    }
}
