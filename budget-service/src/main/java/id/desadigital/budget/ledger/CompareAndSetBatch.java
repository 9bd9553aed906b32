package id.desadigital.budget.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.bulk.BulkWriteError;

import id.desadigital.platform.observability.Traces;
import io.micrometer.tracing.Span;
import reactor.core.Scannable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The compare-and-set writes of one collection, sent to the store in batches: the writes that arrive while a batch
 * is under way wait and go together in the next one. A batch costs three commands however many writes it holds:
 * one read of every document ({@code _id $in}, which the {@code _id} index answers), one unordered bulk write of
 * every decision, and one read of the documents as written. Nothing waits on a timer: an idle service sends a
 * lone write at once, a busy one sends bigger batches.
 *
 * <p>Each decision is an upsert filtered on {@code (_id, revision)} with the revision read. When the document
 * is still at that revision it is updated; when another writer got there first, the filter matches nothing and
 * the upsert tries to insert a second document with the same {@code _id}, which the store refuses as a duplicate
 * key and reports with the operation's index in the batch. So the store names exactly the writes that lost, on
 * real MongoDB and on the embedded store alike (a plain update only counts how many matched). Documents are never
 * deleted, so the insert never succeeds. The losers are read and decided again in the next batch.
 *
 * <p>A batch holds at most one write per document (the next waits for the next batch), so within one instance
 * writes to a document never race each other; races are between instances, or with the other writers of a
 * collection (the relay leaves the revision alone).
 *
 * <p>A batch runs apart from the requests whose writes it carries, so each write takes its request's trace along
 * and is decided within it: the entries a decision makes carry the trace of the request that asked for them.
 */
final class CompareAndSetBatch<T extends Outboxed> {

    /** Writes of at most this many documents go in one batch; more wait for the next. */
    private static final int MAX_BATCH = 256;

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final Class<T> type;
    private final int maxAttempts;
    private final Traces traces;
    private final LedgerWrites writes;
    /** Guarded by {@code this}, as is {@code writing}. */
    private final Deque<Write<T>> waiting = new ArrayDeque<>();
    private boolean writing;

    CompareAndSetBatch(ReactiveMongoTemplate mongo, String collection, Class<T> type, int maxAttempts, Traces traces,
            LedgerWrites writes) {
        this.mongo = mongo;
        this.collection = collection;
        this.type = type;
        this.maxAttempts = maxAttempts;
        this.traces = traces;
        this.writes = writes;
    }

    Mono<T> submit(String id, Function<T, Update> decide, Supplier<? extends Throwable> notFound) {
        return Mono.deferContextual(context -> {
            Write<T> write = new Write<>(id, decide, notFound, Sinks.one(), traces.spanOf(context),
                    Repeated.in(context));
            synchronized (this) {
                waiting.addLast(write);
            }
            drain();
            return write.done().asMono();
        });
    }

    private void drain() {
        List<Write<T>> batch;
        synchronized (this) {
            if (writing || waiting.isEmpty()) {
                return;
            }
            batch = nextBatch();
            writing = true;
        }
        run(batch)
                .onErrorResume(failure -> {
                    // The store failed as a whole: which writes took effect is unknown, so none is acknowledged
                    // (an acknowledged write is never lost; one that took effect unacknowledged is relayed by the
                    // outbox sweep, and a retry with its Idempotency-Key finds it).
                    batch.forEach(write -> write.fail(failure));
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    synchronized (this) {
                        writing = false;
                    }
                    drain();
                })
                .subscribe();
    }

    /** The first waiting write of each document, in arrival order; the others keep their place. */
    private List<Write<T>> nextBatch() {
        List<Write<T>> batch = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Iterator<Write<T>> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
            Write<T> write = it.next();
            if (ids.add(write.id())) {
                batch.add(write);
                it.remove();
            }
        }
        return batch;
    }

    private Mono<Void> run(List<Write<T>> batch) {
        return read(batch.stream().map(Write::id).toList())
                .flatMap(current -> {
                    List<Decided<T>> decided = new ArrayList<>(batch.size());
                    for (Write<T> write : batch) {
                        decide(write, current.get(write.id()), decided);
                    }
                    return withoutRecorded(decided, current).flatMap(this::write);
                });
    }

    /**
     * Drops the repeated writes whose entry the ledger already has, answering them with their documents as read: the
     * entry took effect and was relayed before the read. Looked up only now, after the read, see {@link Repeated}.
     */
    private Mono<List<Decided<T>>> withoutRecorded(List<Decided<T>> decided, Map<String, T> current) {
        List<String> repeatedEntries = decided.stream().filter(d -> d.write().repeated())
                .map(d -> Outboxed.appended(d.update())).filter(Objects::nonNull).map(LedgerEntry::id).toList();
        if (repeatedEntries.isEmpty()) {
            return Mono.just(decided);
        }
        Query recorded = query(where(Outboxed.ID).in(repeatedEntries));
        recorded.fields().include(Outboxed.ID);
        return mongo.find(recorded, Document.class, LedgerEntry.COLLECTION).map(entry -> entry.getString(Outboxed.ID))
                .collect(Collectors.toSet())
                .map(inLedger -> {
                    List<Decided<T>> left = new ArrayList<>(decided.size());
                    for (Decided<T> d : decided) {
                        LedgerEntry entry = Outboxed.appended(d.update());
                        if (d.write().repeated() && entry != null && inLedger.contains(entry.id())) {
                            d.write().done().tryEmitValue(current.get(d.write().id()));
                        } else {
                            left.add(d);
                        }
                    }
                    return left;
                });
    }

    private void decide(Write<T> write, T current, List<Decided<T>> decided) {
        if (write.answered()) {
            return; // failed with an earlier batch after it had lost a race: it must not take effect now
        }
        if (current == null) {
            write.fail(write.notFound().get());
            return;
        }
        Update update;
        try (Traces.Scope inTrace = traces.resume(write.trace())) {
            update = write.decide().apply(current);
        } catch (RuntimeException refused) {
            write.fail(refused);
            return;
        }
        if (update == null) {
            write.done().tryEmitValue(current);
        } else {
            decided.add(new Decided<>(write, current.revision(), update.inc(Outboxed.REVISION, 1)));
        }
    }

    private Mono<Void> write(List<Decided<T>> decided) {
        if (decided.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, type, collection);
        decided.forEach(d -> bulk.upsert(query(where(Outboxed.ID).is(d.write().id())
                .and(Outboxed.REVISION).is(d.revision())), d.update()));
        return bulk.execute()
                .map(result -> List.<BulkWriteError>of())
                .onErrorResume(failure -> BulkWriteErrors.of(failure).map(Mono::just)
                        .orElseGet(() -> Mono.error(failure)))
                .flatMap(errors -> settle(decided, errors));
    }

    /**
     * Answers the writes that took effect with their documents as now stored, and counts the entries they hold as
     * written; the others go again or fail.
     */
    private Mono<Void> settle(List<Decided<T>> decided, List<BulkWriteError> errors) {
        boolean[] lost = new boolean[decided.size()];
        for (BulkWriteError error : errors) {
            lost[error.getIndex()] = true;
            Write<T> write = decided.get(error.getIndex()).write();
            if (BulkWriteErrors.isDuplicateKey(error)) {
                lostRace(write);
            } else {
                write.fail(new IllegalStateException("The store refused the write to " + collection + " "
                        + write.id() + ": " + error.getMessage()));
            }
        }
        List<Write<T>> won = new ArrayList<>(decided.size());
        for (int i = 0; i < decided.size(); i++) {
            if (!lost[i]) {
                won.add(decided.get(i).write());
                LedgerEntry entry = Outboxed.appended(decided.get(i).update());
                if (entry != null) {
                    writes.written(entry);
                }
            }
        }
        if (won.isEmpty()) {
            return Mono.empty();
        }
        return read(won.stream().map(Write::id).toList())
                .doOnNext(written -> won.forEach(write -> write.done().tryEmitValue(written.get(write.id()))))
                .then();
    }

    private void lostRace(Write<T> write) {
        if (write.attempts() + 1 >= maxAttempts) {
            write.fail(new Contended(write.id(), maxAttempts));
            return;
        }
        synchronized (this) {
            waiting.addFirst(write.again());
        }
    }

    private Mono<Map<String, T>> read(List<String> ids) {
        return mongo.find(query(where(Outboxed.ID).in(ids)), type, collection).collectMap(Outboxed::id);
    }

    /**
     * A write waiting for its batch: which document, how to decide, who waits for the outcome, and the trace of the
     * request that asked for it (null when none).
     */
    private record Write<T>(String id, Function<T, Update> decide, Supplier<? extends Throwable> notFound,
            Sinks.One<T> done, Span trace, boolean repeated, int attempts) {

        Write(String id, Function<T, Update> decide, Supplier<? extends Throwable> notFound, Sinks.One<T> done,
                Span trace, boolean repeated) {
            this(id, decide, notFound, done, trace, repeated, 0);
        }

        Write<T> again() {
            return new Write<>(id, decide, notFound, done, trace, repeated, attempts + 1);
        }

        boolean answered() {
            return Boolean.TRUE.equals(done.scan(Scannable.Attr.TERMINATED));
        }

        void fail(Throwable failure) {
            done.tryEmitError(failure);
        }
    }

    private record Decided<T>(Write<T> write, long revision, Update update) {
    }
}
