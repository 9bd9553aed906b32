package id.desadigital.budget.ledger;

import static org.springframework.data.domain.Sort.Direction.ASC;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import id.desadigital.platform.mongo.IndexesInBackground;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The indexes of the outboxed collections (see {@link OutboxedCollection#ensureIndexes}) and of the ledger: a chain
 * is read by its links, which a unique single-field index serves for exact values and {@code $in} on MongoDB and on
 * the embedded store alike (the store uses no compound index for {@code $in}, and no index at all for a range).
 * It is sparse because entries written before chains were hashed have no link. The searches across villages
 * (by time, by program, by actor) have secondary indexes, which MongoDB uses and the embedded store, which keeps
 * only unique indexes, ignores: there they read the collection (docs/audit.md, "Indexes").
 */
@Component
class LedgerIndexes extends IndexesInBackground {

    private final ReactiveMongoTemplate mongo;
    private final List<OutboxedCollection<?>> collections;

    LedgerIndexes(ReactiveMongoTemplate mongo, List<OutboxedCollection<?>> collections) {
        super("ledger indexes");
        this.mongo = mongo;
        this.collections = collections;
    }

    @Override
    protected Mono<?> create() {
        return Flux.fromIterable(collections).concatMap(collection -> collection.ensureIndexes(mongo))
                .then(ledger(new Index().on(LedgerEntry.LINK, ASC).unique().sparse().named("chain_link")))
                .then(ledger(new Index().on("occurredAt", ASC).on("key", ASC).on("sequence", ASC).named("by_time")))
                .then(ledger(new Index().on("programId", ASC).on("occurredAt", ASC).named("by_program")))
                .then(ledger(new Index().on("actor", ASC).on("occurredAt", ASC).named("by_actor")))
                .then();
    }

    private Mono<String> ledger(Index index) {
        return mongo.indexOps(LedgerEntry.COLLECTION).createIndex(index);
    }
}
