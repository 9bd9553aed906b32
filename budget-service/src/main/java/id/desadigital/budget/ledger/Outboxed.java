package id.desadigital.budget.ledger;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A document that keeps its own outbox and its own chain of ledger entries: the entries it made that are not yet in
 * {@code ledger_entries} and on {@code budget-events}, and the sequence and hash of its chain's last entry. Entries
 * join {@code pending} in the same single-document update that changes the state they record, so no acknowledged
 * change can exist without its entry, and none can be lost between the two.
 */
public interface Outboxed {

    /** Fields every outboxed document has, by these names. */
    String ID = "_id";
    String REVISION = "revision";
    String PENDING = "pending";
    String SEQUENCE = "sequence";
    String CHAIN_HASH = "chainHash";
    String PUBLISHED_SEQUENCE = "publishedSequence";
    /** The document's own id while {@code pending} may hold entries; a unique sparse index finds exactly those. */
    String UNPUBLISHED = "unpublished";

    /** Also the key of its chain. */
    String id();

    /** Counts every write to the document; each write is a compare-and-set on {@code (_id, revision)}. */
    long revision();

    /** How many entries its chain has, pending ones included. */
    long sequence();

    /** The hash of its chain's last entry; null before the first. */
    String chainHash();

    List<LedgerEntry> pending();

    /** The update that appends {@code entry} (made by {@link EntryFactory#next}) to its document's chain and outbox. */
    static Update appending(LedgerEntry entry) {
        return new Update().set(SEQUENCE, entry.sequence()).set(CHAIN_HASH, entry.hash()).push(PENDING, entry)
                .set(UNPUBLISHED, entry.key());
    }

    /** The entry an update made by {@link #appending} appends; null for an update that appends none. */
    static LedgerEntry appended(Update update) {
        return update.getUpdateObject().get("$push") instanceof Document push
                && push.get(PENDING) instanceof LedgerEntry entry ? entry : null;
    }
}
