package id.desadigital.platform.readmodel;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * The {@code read_models} pointer documents. A handful of tiny documents: the compare-and-set's {@code {_id,
 * revision}} filter needs no index of its own even on the embedded store, which finds the document by scanning
 * them.
 */
final class ReadModelStates {

    private final ReactiveMongoTemplate mongo;

    ReadModelStates(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The read model's state; the first time, generation 0 is stored (by whichever instance gets there first). */
    Mono<ReadModelState> load(String name) {
        return mongo.findById(name, ReadModelState.class, ReadModelState.COLLECTION)
                .switchIfEmpty(Mono.defer(() -> mongo.insert(ReadModelState.initial(name), ReadModelState.COLLECTION)
                        .onErrorResume(DuplicateKeyException.class,
                                taken -> mongo.findById(name, ReadModelState.class, ReadModelState.COLLECTION))));
    }

    /**
     * Replaces {@code expected} by {@code next} if nobody changed it since it was read. Answers whether it did: false
     * means another instance moved the state on, and the caller reads it again.
     */
    Mono<Boolean> compareAndSet(ReadModelState expected, ReadModelState next) {
        Document replacement = new Document();
        mongo.getConverter().write(next, replacement);
        Document filter = new Document("_id", expected.name()).append(ReadModelState.REVISION, expected.revision());
        return mongo.getCollection(ReadModelState.COLLECTION)
                .flatMap(collection -> Mono.from(collection.replaceOne(filter, replacement)))
                .map(result -> result.getMatchedCount() == 1);
    }
}
