package id.desadigital.village.administration;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import id.desadigital.contracts.village.VillageHeadAssigned;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.platform.observability.Traces;
import id.desadigital.village.outbox.OutboxProperties;
import id.desadigital.village.outbox.OutboxRelay;
import id.desadigital.village.village.Head;
import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageChanges;
import id.desadigital.village.village.VillageCodes;
import id.desadigital.village.village.VillageStore;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The registry's administrative changes. Each is a compare-and-set of the village document that also appends
 * the change; asking for what is already so (the same head, the same status) records nothing.
 */
@Service
public class VillageAdministration {

    private static final Logger log = LoggerFactory.getLogger(VillageAdministration.class);
    /** Concurrent edits of one village are rare (one admin office); a handful of retries always settles them. */
    private static final int MAX_ATTEMPTS = 10;

    private final VillageStore store;
    private final VillageChanges changes;
    private final OutboxRelay relay;
    private final OutboxProperties outbox;
    private final Traces traces;

    public VillageAdministration(VillageStore store, VillageChanges changes, OutboxRelay relay,
            OutboxProperties outbox, Traces traces) {
        this.store = store;
        this.changes = changes;
        this.relay = relay;
        this.outbox = outbox;
        this.traces = traces;
    }

    public Mono<Village> assignHead(String code, HeadAssignment assignment, String actor) {
        Head head = new Head(assignment.name().strip(), assignment.since());
        return change(code, actor, village -> head.equals(village.head()) ? Optional.empty()
                : Optional.of(new Edit(new Update().set("head", head),
                        new VillageHeadAssigned(code, head.name(), head.since()))));
    }

    public Mono<Village> changeStatus(String code, StatusChange change, String actor) {
        return change(code, actor, village -> village.status() == change.status() ? Optional.empty()
                : Optional.of(new Edit(new Update().set("status", change.status()),
                        new VillageStatusChanged(code, change.status().name(), change.reason().strip()))));
    }

    private Mono<Village> change(String code, String actor, Function<Village, Optional<Edit>> edit) {
        VillageCodes.require(code);
        return Mono.deferContextual(context -> {
                    String trace = traces.traceparent(context);
                    return store.findCurrent(code).map(village -> new Current(village, trace));
                })
                .switchIfEmpty(Mono.error(() -> VillageCodes.unknown(code)))
                .flatMap(current -> edit.apply(current.village())
                        .map(wanted -> store.apply(code, current.village().version(), wanted.state(),
                                        changes.next(current.village().version(), actor, wanted.payload(),
                                                current.trace()))
                                .flatMap(applied -> applied ? publishThenRead(code)
                                        : Mono.error(new ConcurrentChange())))
                        .orElseGet(() -> Mono.just(current.village())))
                .retryWhen(Retry.max(MAX_ATTEMPTS).filter(ConcurrentChange.class::isInstance));
    }

    /**
     * The change is already stored, so the answer does not depend on Kafka: if publishing is slow or fails the
     * sweep publishes it later, and the client still hears of its (durable) success.
     */
    private Mono<Village> publishThenRead(String code) {
        return relay.publish(code)
                .timeout(outbox.publishTimeout())
                .onErrorResume(e -> {
                    log.warn("Change of village {} stored; publishing deferred to the sweep: {}", code, e.toString());
                    return Mono.empty();
                })
                .then(store.findCurrent(code));
    }

    private record Edit(Update state, Record payload) {
    }

    /** The village as read, and the trace of the request changing it. */
    private record Current(Village village, String trace) {
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("village changed concurrently", null, false, false);
        }
    }
}
