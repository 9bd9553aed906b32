package id.desadigital.village.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.observability.Traces;
import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageChange;
import id.desadigital.village.village.VillageStore;
import reactor.core.publisher.Mono;

/**
 * Publishes the changes a village holds beyond its {@code publishedVersion} to {@code village-events}, then records
 * them as published. A change is stored before it is published, so a crash between the two loses nothing: the
 * change is still pending in the village's document and the next sweep sends it. The price is at-least-once
 * delivery (a crash after sending but before recording sends again), which consumers absorb by eventId. Each record
 * carries the trace of the request that made its change as its {@code traceparent} header.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final KafkaTemplate<String, String> kafka;
    private final VillageStore store;
    private final EventCodec codec;

    public OutboxRelay(KafkaTemplate<String, String> kafka, VillageStore store, EventCodec codec) {
        this.kafka = kafka;
        this.store = store;
        this.codec = codec;
    }

    /** Publishes whatever the village has pending, reading it afresh. */
    public Mono<Void> publish(String code) {
        return store.find(code).flatMap(village -> publishAll(List.of(village)));
    }

    /**
     * Sends every pending change of these villages (in sequence order per village, which the idempotent producer
     * keeps on the partition), waits for the broker to acknowledge all, then marks them published in one command.
     */
    public Mono<Void> publishAll(Collection<Village> villages) {
        List<Village> pending = villages.stream().filter(village -> !village.pendingChanges().isEmpty()).toList();
        if (pending.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (Village village : pending) {
                for (VillageChange change : village.pendingChanges()) {
                    sends.add(kafka.send(Traces.record(Topics.VILLAGE_EVENTS, village.code(),
                            codec.encode(envelope(village, change)), change.traceparent())));
                }
            }
            return Mono.fromFuture(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)));
        }).then(store.markPublished(pending))
                .doOnSuccess(done -> log.debug("Published changes of {} villages", pending.size()));
    }

    static EventEnvelope<Object> envelope(Village village, VillageChange change) {
        return new EventEnvelope<>(change.eventId(), change.type(), change.occurredAt(), change.actor(),
                village.code(), change.sequence(), change.details());
    }
}
