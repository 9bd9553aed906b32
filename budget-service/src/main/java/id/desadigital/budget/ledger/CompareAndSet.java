package id.desadigital.budget.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way budget state changes: read a document, decide in code (where every rule is plain Java), and write
 * the decision only if the document is still at the revision read, all in one single-document update. A writer that
 * lost the race reads again and decides again, so two decisions can never both build on the same state; no lock
 * and no transaction is involved, and any number of service instances may share the store.
 */
@Component
public class CompareAndSet {

    private final ReactiveMongoTemplate mongo;
    private final LedgerProperties properties;

    public CompareAndSet(ReactiveMongoTemplate mongo, LedgerProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /**
     * Applies {@code decide}'s update to the document {@code id}; emits the document as written, or as read when
     * {@code decide} returns null (nothing to do, such as a request repeated after it took effect). {@code decide}
     * throws to refuse (a rule broken); a missing document is {@code notFound}'s error.
     */
    public <T extends Outboxed> Mono<T> apply(String collection, Class<T> type, String id,
            Function<T, Update> decide, Supplier<? extends Throwable> notFound) {
        return Mono.defer(() -> mongo.findById(id, type, collection)
                        .switchIfEmpty(Mono.error(notFound))
                        .flatMap(current -> {
                            Update update = decide.apply(current);
                            if (update == null) {
                                return Mono.just(current);
                            }
                            return mongo.findAndModify(
                                            query(where(Outboxed.ID).is(id).and(Outboxed.REVISION).is(current.revision())),
                                            update.inc(Outboxed.REVISION, 1),
                                            FindAndModifyOptions.options().returnNew(true), type, collection)
                                    .switchIfEmpty(Mono.error(LostRace::new));
                        }))
                .retryWhen(Retry.backoff(properties.maxAttempts() - 1L, Duration.ofMillis(1))
                        .maxBackoff(properties.maxBackoff())
                        .jitter(1.0)
                        .filter(LostRace.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new Contended(id, properties.maxAttempts())));
    }

    /** Another writer changed the document between the read and the write. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super(null, null, false, false);
        }
    }
}
