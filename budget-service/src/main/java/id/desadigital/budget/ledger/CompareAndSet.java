package id.desadigital.budget.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.desadigital.platform.observability.Traces;
import reactor.core.publisher.Mono;

/**
 * The one way budget state changes: read a document, decide in code (where every rule is plain Java), and write
 * the decision only if the document is still at the revision read, all in one single-document update. A writer that
 * lost the race reads again and decides again, so two decisions can never both build on the same state; no lock
 * and no transaction is involved, and any number of service instances may share the store.
 *
 * <p>Concurrent writes to one collection go to the store together ({@link CompareAndSetBatch}): one read and one
 * bulk write for a whole batch rather than two commands per write, which is what lets the ledger take hundreds of
 * writes a second on a small machine.
 */
@Component
public class CompareAndSet {

    private final ReactiveMongoTemplate mongo;
    private final LedgerProperties properties;
    private final Traces traces;
    private final LedgerWrites writes;
    private final Map<String, CompareAndSetBatch<?>> batches = new ConcurrentHashMap<>();

    public CompareAndSet(ReactiveMongoTemplate mongo, LedgerProperties properties, Traces traces,
            LedgerWrites writes) {
        this.mongo = mongo;
        this.properties = properties;
        this.traces = traces;
        this.writes = writes;
    }

    /**
     * Applies {@code decide}'s update to the document {@code id}; emits the document as written (or as changed
     * since, by a later write), or as read when {@code decide} returns null (nothing to do, such as a request
     * repeated after it took effect). {@code decide} throws to refuse (a rule broken); a missing document is
     * {@code notFound}'s error. After {@code desa.ledger.max-attempts} lost races the write fails with
     * {@link Contended}, having written nothing. {@code decide} runs in the caller's trace, whichever request's
     * batch it is decided in, so the entries it makes carry that trace.
     */
    public <T extends Outboxed> Mono<T> apply(String collection, Class<T> type, String id,
            Function<T, Update> decide, Supplier<? extends Throwable> notFound) {
        return batchFor(collection, type).submit(id, decide, notFound);
    }

    @SuppressWarnings("unchecked")
    private <T extends Outboxed> CompareAndSetBatch<T> batchFor(String collection, Class<T> type) {
        return (CompareAndSetBatch<T>) batches.computeIfAbsent(collection,
                name -> new CompareAndSetBatch<>(mongo, name, type, properties.maxAttempts(), traces, writes));
    }
}
