package id.desadigital.budget.village;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

import id.desadigital.platform.mongo.IndexesInBackground;
import reactor.core.publisher.Mono;

/**
 * The unique {@code {_id, sequence}} index the village projection's compare-and-set filters on: without it the writes
 * stay correct, but the embedded store would scan the whole collection on every event.
 */
@Component
class KnownVillageIndexes extends IndexesInBackground {

    private final ReactiveMongoTemplate mongo;

    KnownVillageIndexes(ReactiveMongoTemplate mongo) {
        super("village view index");
        this.mongo = mongo;
    }

    @Override
    protected Mono<?> create() {
        CompoundIndexDefinition index = new CompoundIndexDefinition(new Document("_id", 1).append(KnownVillage.SEQUENCE, 1));
        index.named("code_sequence").unique();
        return mongo.indexOps(KnownVillage.class).createIndex(index);
    }
}
