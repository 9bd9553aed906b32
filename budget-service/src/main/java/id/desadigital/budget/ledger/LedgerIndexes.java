package id.desadigital.budget.ledger;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.platform.mongo.IndexesInBackground;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The indexes of the outboxed collections (see {@link OutboxedCollection#ensureIndexes}). */
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
        return Flux.fromIterable(collections).concatMap(collection -> collection.ensureIndexes(mongo)).then();
    }
}
