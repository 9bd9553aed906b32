package id.desadigital.budget.ledger;

import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import id.desadigital.platform.observability.PendingOutbox;
import reactor.core.publisher.Mono;

/**
 * A collection of {@link Outboxed} documents, which the {@link OutboxSweeper} watches, and how one of its documents
 * is relayed (the {@link EntryRelay}, plus whatever else the collection's entries must bring about).
 */
public record OutboxedCollection<T extends Outboxed>(String name, Class<T> type, Function<T, Mono<Void>> relay) {

    /** What the outbox backlog gauge counts: the documents carrying the marker. */
    public PendingOutbox pending() {
        return new PendingOutbox(name, Outboxed.UNPUBLISHED);
    }

    /**
     * The indexes every outboxed collection needs: {@code (_id, revision)} unique, so that the compare-and-set of a
     * write is found by index on both stores, and the unique sparse marker index the sweeper reads.
     */
    public Mono<Void> ensureIndexes(ReactiveMongoTemplate mongo) {
        var indexes = mongo.indexOps(name);
        return Mono.when(
                indexes.createIndex(new Index().on(Outboxed.ID, Sort.Direction.ASC)
                        .on(Outboxed.REVISION, Sort.Direction.ASC).unique().named("id_revision")),
                indexes.createIndex(new Index().on(Outboxed.UNPUBLISHED, Sort.Direction.ASC).unique().sparse()
                        .named("outbox_pending")));
    }
}
