package id.desadigital.village.budget;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

import id.desadigital.platform.mongo.IndexesInBackground;
import reactor.core.publisher.Mono;

/**
 * The unique {@code {_id, sequence}} index the budget projection's compare-and-set filters on: without it the writes
 * stay correct, but the embedded store would scan the whole collection on every event.
 */
@Component
class VillageBudgetIndexes extends IndexesInBackground {

    private final ReactiveMongoTemplate mongo;

    VillageBudgetIndexes(ReactiveMongoTemplate mongo) {
        super("village budget index");
        this.mongo = mongo;
    }

    @Override
    protected Mono<?> create() {
        CompoundIndexDefinition index = new CompoundIndexDefinition(new Document("_id", 1).append(VillageBudget.SEQUENCE, 1));
        index.named("code_sequence").unique();
        return mongo.indexOps(VillageBudget.class).createIndex(index);
    }
}
