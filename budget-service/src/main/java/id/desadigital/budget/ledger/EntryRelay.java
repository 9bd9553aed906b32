package id.desadigital.budget.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.observability.Traces;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Moves the pending entries of {@link Outboxed} documents to where readers find them: first into
 * {@code ledger_entries}, then onto {@code budget-events} (acks=all, idempotent producer), and only then out of the
 * documents. A crash anywhere leaves them pending, and the next relay (a request's own, or the
 * {@link OutboxSweeper}'s) repeats the steps: the ledger insert is idempotent by id and consumers drop a repeated
 * eventId, so the price is a possible duplicate message, never a lost entry.
 *
 * <p>Relays that arrive while one is under way wait and go together in the next batch: one insert command for all
 * their entries and one bulk command taking them out of their documents, however many requests they come from.
 * Each request is answered only once its own entries are relayed. One batch at a time, and every entry pending in a
 * document goes with it, so a key's entries always leave in sequence order.
 *
 * <p>Each record carries the trace of the request that made its entry as its {@code traceparent} header, however
 * late it is relayed, so a consumer's log lines for it join that request's trace.
 */
@Component
public class EntryRelay {

    private static final Logger log = LoggerFactory.getLogger(EntryRelay.class);
    /** Entries of at most this many documents go in one batch; more wait for the next. */
    private static final int MAX_BATCH = 500;

    private final KafkaTemplate<String, String> kafka;
    private final ReactiveMongoTemplate mongo;
    private final LedgerEntries entries;
    private final EventCodec codec;
    private final Queue<Request> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean relaying = new AtomicBoolean();

    public EntryRelay(KafkaTemplate<String, String> kafka, ReactiveMongoTemplate mongo, LedgerEntries entries,
            EventCodec budgetEventCodec) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.entries = entries;
        this.codec = budgetEventCodec;
    }

    /**
     * Completes once the document's pending entries (as read) are in the ledger, on Kafka and out of it; or, when
     * that fails (Kafka or the store away), once the failure is logged: the change is stored and its entries stay
     * pending for the sweeper, so the request that made it is still answered.
     */
    public Mono<Void> relay(Outboxed document, String collection) {
        if (document.pending().isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            Request request = new Request(document, collection, Sinks.one());
            waiting.add(request);
            drain();
            return request.done().asMono();
        }).onErrorResume(failure -> {
            log.warn("Entries of {} {} stored but not relayed yet; the outbox sweep will: {}", collection,
                    document.id(), failure.toString());
            return Mono.empty();
        });
    }

    private void drain() {
        while (!waiting.isEmpty() && relaying.compareAndSet(false, true)) {
            List<Request> batch = new ArrayList<>();
            for (Request next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                relaying.set(false);
                continue;
            }
            relayBatch(batch)
                    .doOnError(failure -> batch.forEach(request -> request.done().tryEmitError(failure)))
                    .doOnSuccess(ok -> batch.forEach(request -> request.done().tryEmitEmpty()))
                    .onErrorResume(failure -> Mono.empty())
                    .doFinally(signal -> {
                        relaying.set(false);
                        drain();
                    })
                    .subscribe();
        }
    }

    private Mono<Void> relayBatch(List<Request> batch) {
        Map<String, LedgerEntry> unique = new LinkedHashMap<>();
        batch.stream().flatMap(request -> request.document().pending().stream())
                .sorted(Comparator.comparing(LedgerEntry::key).thenComparingLong(LedgerEntry::sequence))
                .forEach(entry -> unique.putIfAbsent(entry.id(), entry));
        List<LedgerEntry> pending = List.copyOf(unique.values());
        return entries.storeAll(pending.stream().map(LedgerEntry::untraced).toList())
                .then(Mono.defer(() -> send(pending)))
                .then(Flux.fromIterable(batch).groupBy(Request::collection)
                        .flatMap(byCollection -> byCollection.collectList()
                                .flatMap(requests -> markRelayed(byCollection.key(), requests)))
                        .then());
    }

    private Mono<Void> send(List<LedgerEntry> pending) {
        CompletableFuture<?>[] sends = pending.stream()
                .map(entry -> kafka.send(Traces.record(Topics.BUDGET_EVENTS, entry.key(),
                        codec.encode(envelope(entry)), entry.traceparent())))
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends));
    }

    /**
     * Takes the relayed entries and the marker out of their documents, in one bulk command, but only from a
     * document still at the revision relayed. A document written since holds these entries too (they were pending
     * when the newer write read it), and that write's own relay takes them out with its own; should that relay
     * die, the marker stays and the sweeper finishes it. The revision stays as it is, so that a writer working from
     * an older read is not made to retry by a relay.
     */
    private Mono<Void> markRelayed(String collection, List<Request> requests) {
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (Request request : requests) {
            Outboxed document = request.document();
            long last = document.pending().stream().mapToLong(LedgerEntry::sequence).max().orElseThrow();
            bulk.updateOne(query(where(Outboxed.ID).is(document.id()).and(Outboxed.REVISION).is(document.revision())),
                    relayed(last).unset(Outboxed.UNPUBLISHED));
        }
        return bulk.execute().then();
    }

    private static Update relayed(long last) {
        return new Update().pull(Outboxed.PENDING, new Document("sequence", new Document("$lte", last)))
                .max(Outboxed.PUBLISHED_SEQUENCE, last);
    }

    static EventEnvelope<Object> envelope(LedgerEntry entry) {
        return new EventEnvelope<>(entry.id(), entry.type(), entry.occurredAt(), entry.actor(), entry.key(),
                entry.sequence(), entry.payload());
    }

    private record Request(Outboxed document, String collection, Sinks.One<Void> done) {
    }
}
