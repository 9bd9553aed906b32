package id.desadigital.budget.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import reactor.core.publisher.Mono;

/**
 * Moves the pending entries of an {@link Outboxed} document to where readers find them: first into
 * {@code ledger_entries}, then onto {@code budget-events} (acks=all, idempotent producer), and only then out of
 * the document. A crash anywhere leaves them pending, and the next relay (the request's own, or the
 * {@link OutboxSweeper}'s) repeats the steps: the ledger insert is idempotent by id and consumers drop a repeated
 * eventId, so the price is a possible duplicate message, never a lost entry.
 *
 * <p>Entries of one key go out in sequence order: a relay sends every entry pending in the document as read after
 * its own write, so a later entry never leaves before an earlier one that is still pending.
 */
@Component
public class EntryRelay {

    private final KafkaTemplate<String, String> kafka;
    private final ReactiveMongoTemplate mongo;
    private final LedgerEntries entries;
    private final EventCodec codec;

    public EntryRelay(KafkaTemplate<String, String> kafka, ReactiveMongoTemplate mongo, LedgerEntries entries,
            EventCodec budgetEventCodec) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.entries = entries;
        this.codec = budgetEventCodec;
    }

    public Mono<Void> relay(Outboxed document, String collection) {
        List<LedgerEntry> pending = document.pending().stream()
                .sorted(Comparator.comparingLong(LedgerEntry::sequence)).toList();
        if (pending.isEmpty()) {
            return Mono.empty();
        }
        long last = pending.get(pending.size() - 1).sequence();
        return entries.storeAll(pending)
                .then(Mono.defer(() -> send(pending)))
                .then(markRelayed(document, collection, last));
    }

    private Mono<Void> send(List<LedgerEntry> pending) {
        CompletableFuture<?>[] sends = pending.stream()
                .map(entry -> kafka.send(Topics.BUDGET_EVENTS, entry.key(), codec.encode(envelope(entry))))
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends));
    }

    /**
     * Takes the relayed entries out of the document, and the marker too, but only if nothing was written since the
     * read: a newer write brought its own pending entry, and its relay clears the marker. The revision stays as it
     * is, so that a writer working from an older read is not made to retry by a relay.
     */
    private Mono<Void> markRelayed(Outboxed document, String collection, long last) {
        return mongo.updateFirst(query(where(Outboxed.ID).is(document.id()).and(Outboxed.REVISION)
                        .is(document.revision())), relayed(last).unset(Outboxed.UNPUBLISHED), collection)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.empty()
                        : mongo.updateFirst(query(where(Outboxed.ID).is(document.id())), relayed(last), collection))
                .then();
    }

    private static Update relayed(long last) {
        return new Update().pull(Outboxed.PENDING, new Document("sequence", new Document("$lte", last)))
                .max(Outboxed.PUBLISHED_SEQUENCE, last);
    }

    static EventEnvelope<Object> envelope(LedgerEntry entry) {
        return new EventEnvelope<>(entry.id(), entry.type(), entry.occurredAt(), entry.actor(), entry.key(),
                entry.sequence(), entry.payload());
    }
}
