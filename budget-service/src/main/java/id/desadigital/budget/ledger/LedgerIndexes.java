package id.desadigital.budget.ledger;

import static org.springframework.data.domain.Sort.Direction.ASC;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.stereotype.Component;

import id.desadigital.platform.mongo.IndexesInBackground;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The indexes of the outboxed collections (see {@link OutboxedCollection#ensureIndexes}) and of the ledger: a chain
 * is read by its links, which a unique single-field index serves for exact values and {@code $in} on MongoDB and on
 * the embedded store alike (the store uses no compound index for {@code $in}, and no index at all for a range).
 * It is sparse because entries written before chains were hashed have no link. The searches across villages
 * (by time, by program, by actor) have secondary indexes on MongoDB. The embedded store keeps none, yet reads every
 * document for each one whenever it opens the collection, so there ({@code LEDGER_SECONDARY_INDEXES=false}, which
 * the launcher sets) they are dropped rather than made (docs/audit.md, "Indexes").
 */
@Component
class LedgerIndexes extends IndexesInBackground {

    private static final List<Index> SECONDARY = List.of(
            new Index().on("occurredAt", ASC).on("key", ASC).on("sequence", ASC).named("by_time"),
            new Index().on("programId", ASC).on("occurredAt", ASC).named("by_program"),
            new Index().on("actor", ASC).on("occurredAt", ASC).named("by_actor"));

    private final ReactiveMongoTemplate mongo;
    private final List<OutboxedCollection<?>> collections;
    private final boolean secondaryIndexes;

    LedgerIndexes(ReactiveMongoTemplate mongo, List<OutboxedCollection<?>> collections, LedgerProperties properties) {
        super("ledger indexes");
        this.mongo = mongo;
        this.collections = collections;
        this.secondaryIndexes = properties.secondaryIndexes();
    }

    @Override
    protected Mono<?> create() {
        return Flux.fromIterable(collections).concatMap(collection -> collection.ensureIndexes(mongo))
                .then(ledger().createIndex(new Index().on(LedgerEntry.LINK, ASC).unique().sparse().named("chain_link")))
                .thenMany(Flux.fromIterable(SECONDARY).concatMap(index -> secondaryIndexes ? ledger().createIndex(index)
                        : ledger().getIndexInfo().filter(info -> info.getName().equals(index.getIndexOptions()
                                .getString("name"))).concatMap(info -> ledger().dropIndex(info.getName()))))
                .then();
    }

    private ReactiveIndexOperations ledger() {
        return mongo.indexOps(LedgerEntry.COLLECTION);
    }
}
