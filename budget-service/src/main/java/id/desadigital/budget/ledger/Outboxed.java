package id.desadigital.budget.ledger;

import java.util.List;

/**
 * A document that keeps its own outbox: the ledger entries it made that are not yet in {@code ledger_entries} and
 * on {@code budget-events}. Entries join {@code pending} in the same single-document update that changes the
 * state they record, so no acknowledged change can exist without its entry, and none can be lost between the two.
 */
public interface Outboxed {

    /** Fields every outboxed document has, by these names. */
    String ID = "_id";
    String REVISION = "revision";
    String PENDING = "pending";
    String PUBLISHED_SEQUENCE = "publishedSequence";
    /** The document's own id while {@code pending} may hold entries; a unique sparse index finds exactly those. */
    String UNPUBLISHED = "unpublished";

    String id();

    /** Counts every write to the document; each write is a compare-and-set on {@code (_id, revision)}. */
    long revision();

    List<LedgerEntry> pending();
}
