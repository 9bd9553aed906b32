package id.desadigital.budget.ledger;

import java.time.Instant;

import org.bson.Document;
import org.springframework.data.annotation.Id;

/**
 * One immutable change of budget state. Its id is also the id of what it created (a FUNDS_ALLOCATED entry's id is
 * the allocation's, a SPENDING_RECORDED entry's the spending's), so what a later request names can be found in the
 * ledger itself. {@code key} is the chain the entry belongs to (a village code, or a program id for program-level
 * entries) and {@code sequence} its place there, from 1 without gaps; {@code link} is both in one value
 * ({@link #link(String, long)}), under a unique index, so a chain is read by exact keys on any store.
 * {@code payload} is the budget-events payload of its type, exactly as published. {@code hash} covers all of it and
 * {@code prevHash}, the hash of the entry before it in its chain ({@link EntryHash}).
 *
 * <p>{@code traceparent} is not part of the entry's content: the W3C trace of the request that made it, kept only
 * while the entry waits in its document's outbox, so that its Kafka record carries the request's trace however
 * late it is relayed (docs/observability.md). Neither hashed nor stored in {@code ledger_entries}.
 */
@org.springframework.data.mongodb.core.mapping.Document(LedgerEntry.COLLECTION)
public record LedgerEntry(
        @Id String id,
        String type,
        Instant occurredAt,
        String actor,
        String key,
        long sequence,
        String link,
        String programId,
        String villageCode,
        Document payload,
        String prevHash,
        String hash,
        String traceparent) {

    public static final String COLLECTION = "ledger_entries";
    public static final String LINK = "link";

    public static String link(String key, long sequence) {
        return key + "/" + sequence;
    }

    public long longValue(String field) {
        return payload.get(field, Number.class).longValue();
    }

    public String text(String field) {
        return payload.getString(field);
    }

    /** The same entry with the hash its content gives. */
    LedgerEntry hashed() {
        return new LedgerEntry(id, type, occurredAt, actor, key, sequence, link, programId, villageCode, payload,
                prevHash, EntryHash.of(this), traceparent);
    }

    /** The entry as {@code ledger_entries} keeps it: its content, without the trace it travelled with. */
    LedgerEntry untraced() {
        return traceparent == null ? this : new LedgerEntry(id, type, occurredAt, actor, key, sequence, link,
                programId, villageCode, payload, prevHash, hash, null);
    }

    /** Whether the stored hash is the one its content gives: false once anything in it was altered. */
    public boolean hashHolds() {
        return hash != null && hash.equals(EntryHash.of(this));
    }
}
