package id.desadigital.budget.village;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies village events to the stored village view, each at most once and never an older one over a newer one.
 *
 * <p>The stream position decides: an event whose sequence is below the stored one is stale and ignored; the same
 * sequence with the same event id is a redelivery and ignored; the same sequence with another event id means the
 * producer broke the contract and the event is refused. A newer event is written with a compare-and-set on the
 * stored sequence ({@code {_id, sequence}} equality, backed by a unique index), so two consumers racing during a
 * partition rebalance cannot both win; the loser reads again and re-decides.
 */
@Component
class VillageProjection {

    private static final Logger log = LoggerFactory.getLogger(VillageProjection.class);

    /** A lost race is re-decided this often; more than that is not contention but a fault, retried by Kafka. */
    private static final int MAX_LOST_RACES = 5;

    private final ReactiveMongoTemplate mongo;

    VillageProjection(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Outcome> apply(VillageEvent event) {
        return Mono.defer(() -> mongo.findById(event.code(), KnownVillage.class)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(current -> decide(current, event)))
                .retryWhen(Retry.max(MAX_LOST_RACES).filter(LostRace.class::isInstance));
    }

    private Mono<Outcome> decide(Optional<KnownVillage> current, VillageEvent event) {
        if (current.isEmpty()) {
            return event.applyTo(current)
                    .map(village -> mongo.insert(village)
                            .thenReturn(Outcome.APPLIED)
                            .onErrorMap(DuplicateKeyException.class, e -> new LostRace()))
                    .orElseGet(() -> Mono.just(Outcome.NOT_TRACKED));
        }
        KnownVillage stored = current.get();
        if (event.sequence() < stored.sequence()) {
            return Mono.just(Outcome.STALE);
        }
        if (event.sequence() == stored.sequence()) {
            if (event.eventId().equals(stored.lastEventId())) {
                return Mono.just(Outcome.DUPLICATE);
            }
            return Mono.error(new RejectedVillageEvent("village " + event.code() + " sequence " + event.sequence()
                    + " was already applied as event " + stored.lastEventId() + ", not " + event.eventId()));
        }
        if (event.sequence() > stored.sequence() + 1) {
            log.warn("Village {} jumps from sequence {} to {}: the events between were never seen here",
                    event.code(), stored.sequence(), event.sequence());
        }
        KnownVillage next = event.applyTo(current).orElseThrow();
        return mongo.replace(query(where("_id").is(stored.code()).and(KnownVillage.SEQUENCE).is(stored.sequence())),
                        next)
                .flatMap(result -> result.getMatchedCount() == 1
                        ? Mono.just(Outcome.APPLIED)
                        : Mono.error(new LostRace()));
    }

    /** What applying one event did. */
    enum Outcome {
        APPLIED,
        /** A redelivery of the last applied event. */
        DUPLICATE,
        /** Older than what is stored. */
        STALE,
        /** About a village this service has no record of, and not enough to start one. */
        NOT_TRACKED
    }

    /** Another consumer wrote the village between our read and our write. */
    private static final class LostRace extends RuntimeException {

        LostRace() {
            super("village view changed concurrently", null, false, false);
        }
    }
}
