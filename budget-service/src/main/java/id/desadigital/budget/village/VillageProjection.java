package id.desadigital.budget.village;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;

import reactor.core.publisher.Mono;

/**
 * Applies village events to the stored village view, each at most once and never an older one over a newer one.
 *
 * <p>The stream position decides: an event whose sequence is below the village's is stale and ignored; the same
 * sequence with the same event id is a redelivery and ignored; the same sequence with another event id means the
 * producer broke the contract and the event is refused (and only that event: the village's later events still
 * apply). A batch of events costs the store one read ({@code _id $in}) and one unordered bulk write, whatever its
 * size: every event is decided in memory in order, the events of one village folded into its final state, which
 * is then inserted (a village not stored yet) or written with a compare-and-set on the stored sequence
 * ({@code {_id, sequence}} equality, backed by a unique index). So two consumers racing during a partition
 * rebalance, or two instances sharing a store, cannot both win; the villages whose write lost are read again and
 * re-decided.
 */
class VillageProjection {

    private static final Logger log = LoggerFactory.getLogger(VillageProjection.class);

    /** A lost race is re-decided this often; more than that is not contention but a fault, retried by Kafka. */
    static final int MAX_LOST_RACES = 5;

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    /**
     * A view kept in {@code collection}: each generation of the read model has its own
     * ({@link KnownVillagesReadModel}).
     */
    VillageProjection(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * The unique {@code {_id, sequence}} index the compare-and-set filters on: without it the writes stay correct, but
     * the embedded store would scan the whole collection on every event.
     */
    static Mono<Void> createIndexes(ReactiveMongoTemplate mongo, String collection) {
        CompoundIndexDefinition index = new CompoundIndexDefinition(new Document("_id", 1)
                .append(KnownVillage.SEQUENCE, 1));
        index.named("code_sequence").unique();
        return mongo.indexOps(collection).createIndex(index).then();
    }

    /**
     * Decides and stores a batch of events (in the order they were read from their partitions) and says what
     * became of each, in the same order. Completes once every write is acknowledged by the store; fails, with
     * possibly some villages written (which a redelivery then finds applied), when the store does.
     */
    Mono<List<Decision>> apply(List<VillageEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<String, List<VillageEvent>> byVillage = new LinkedHashMap<>();
        events.forEach(event -> byVillage.computeIfAbsent(event.code(), code -> new ArrayList<>()).add(event));
        return Mono.defer(() -> settle(byVillage, byVillage.keySet(), Map.of(), new HashMap<>(), 0))
                .map(settled -> inBatchOrder(events, settled));
    }

    /**
     * Reads the villages in {@code codes}, decides their events, writes the results, and goes again for the
     * villages whose write may have lost a race. {@code unconfirmed} holds the plans of the previous round whose
     * write is in doubt: a village found exactly as planned was written (by us, or by another consumer applying
     * the same event), so its decisions stand.
     */
    private Mono<Map<String, VillagePlan>> settle(Map<String, List<VillageEvent>> byVillage, Collection<String> codes,
            Map<String, VillagePlan> unconfirmed, Map<String, VillagePlan> settled, int lostRaces) {
        return read(codes).flatMap(stored -> {
            List<VillagePlan> plans = new ArrayList<>(codes.size());
            for (String code : codes) {
                Optional<KnownVillage> current = Optional.ofNullable(stored.get(code));
                VillagePlan previous = unconfirmed.get(code);
                plans.add(previous != null && previous.isFoundIn(current)
                        ? previous.confirmed()
                        : VillagePlan.decide(code, byVillage.get(code), current));
            }
            List<VillagePlan> writes = plans.stream().filter(VillagePlan::writes).toList();
            return write(writes).flatMap(inDoubt -> {
                Map<String, VillagePlan> nextRound = new HashMap<>();
                for (VillagePlan plan : plans) {
                    if (inDoubt.contains(plan.code())) {
                        nextRound.put(plan.code(), plan);
                    } else {
                        settled.put(plan.code(), plan);
                    }
                }
                if (nextRound.isEmpty()) {
                    return Mono.just(settled);
                }
                if (lostRaces >= MAX_LOST_RACES) {
                    return Mono.error(new LostRace(nextRound.keySet()));
                }
                log.debug("Villages {} changed while their batch was decided; deciding them again", nextRound.keySet());
                return settle(byVillage, nextRound.keySet(), nextRound, settled, lostRaces + 1);
            });
        });
    }

    /** The stored villages among {@code codes}, by code: one query, which the {@code _id} index answers. */
    private Mono<Map<String, KnownVillage>> read(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), KnownVillage.class, collection)
                .collectMap(KnownVillage::code);
    }

    /**
     * One unordered bulk write of every plan that changes its village. Answers the codes whose write may not have
     * happened: an insert refused as a duplicate (another consumer inserted the village first), and, should fewer
     * compare-and-set replaces match than were sent, every replaced village (the store does not say which missed).
     */
    private Mono<Set<String>> write(List<VillagePlan> plans) {
        if (plans.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<WriteModel<Document>> models = new ArrayList<>(plans.size());
        Set<String> replaced = new HashSet<>();
        for (VillagePlan plan : plans) {
            Document village = new Document();
            mongo.getConverter().write(plan.result().orElseThrow(), village);
            if (plan.stored().isEmpty()) {
                models.add(new InsertOneModel<>(village));
            } else {
                // Equality on exactly the fields of the unique {_id, sequence} index: a store that only uses an
                // index for such a filter (the embedded one) would otherwise scan the collection per village.
                Document filter = new Document("_id", plan.code())
                        .append(KnownVillage.SEQUENCE, plan.stored().get().sequence());
                models.add(new ReplaceOneModel<>(filter, village));
                replaced.add(plan.code());
            }
        }
        // The driver's own collection rather than the template's bulk operations: only the driver's exception
        // says which insert of the batch was the duplicate.
        return mongo.getCollection(collection)
                .flatMap(collection -> Mono.from(collection.bulkWrite(models, new BulkWriteOptions().ordered(false))))
                .map(result -> result.getMatchedCount() < replaced.size() ? replaced : Set.<String>of())
                .onErrorResume(MongoBulkWriteException.class, failure -> lostRaces(failure, plans, replaced));
    }

    private static Mono<Set<String>> lostRaces(MongoBulkWriteException failure, List<VillagePlan> plans,
            Set<String> replaced) {
        if (failure.getWriteConcernError() != null) {
            return Mono.error(failure);
        }
        Set<String> inDoubt = new HashSet<>();
        for (BulkWriteError error : failure.getWriteErrors()) {
            VillagePlan plan = plans.get(error.getIndex());
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                    || plan.stored().isPresent()) {
                return Mono.error(failure);
            }
            inDoubt.add(plan.code());
        }
        if (failure.getWriteResult().getMatchedCount() < replaced.size()) {
            inDoubt.addAll(replaced);
        }
        return Mono.just(inDoubt);
    }

    private static List<Decision> inBatchOrder(List<VillageEvent> events, Map<String, VillagePlan> settled) {
        Map<String, Integer> next = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(events.size());
        for (VillageEvent event : events) {
            int index = next.merge(event.code(), 1, Integer::sum) - 1;
            decisions.add(settled.get(event.code()).decisions().get(index));
        }
        return decisions;
    }

    /** What applying one event did. */
    enum Outcome {
        APPLIED,
        /** A redelivery of an event already applied. */
        DUPLICATE,
        /** Older than what is stored. */
        STALE,
        /** About a village this service has no record of, and not enough to start one. */
        NOT_TRACKED,
        /** Claims a sequence that another event already holds: the producer broke the contract. */
        REFUSED,
        /**
         * Comes after a refused event of its village in the batch, and waits for the batch's redelivery after that
         * one is dead-lettered: decided now, it could move the village past the refused event, which redelivered
         * would then look merely stale and never reach the dead-letter topic.
         */
        HELD
    }

    /**
     * What became of one event.
     *
     * @param refusal why the event was refused; null unless the outcome is {@link Outcome#REFUSED}
     */
    record Decision(VillageEvent event, Outcome outcome, String refusal) {

        static Decision of(VillageEvent event, Outcome outcome) {
            return new Decision(event, outcome, null);
        }
    }

    /**
     * One village's events decided against the state read from the store.
     *
     * @param stored what the store held when the events were decided
     * @param result the village after all of them; differs from {@code stored} only when one was applied
     * @param write whether {@code result} still has to be written
     */
    record VillagePlan(String code, Optional<KnownVillage> stored, Optional<KnownVillage> result,
            List<Decision> decisions, boolean write) {

        static VillagePlan decide(String code, List<VillageEvent> events, Optional<KnownVillage> stored) {
            Optional<KnownVillage> current = stored;
            List<Decision> decisions = new ArrayList<>(events.size());
            boolean held = false;
            for (VillageEvent event : events) {
                Decision decision = held ? Decision.of(event, Outcome.HELD) : decide(event, current);
                if (decision.outcome() == Outcome.APPLIED) {
                    current = event.applyTo(current);
                }
                held |= decision.outcome() == Outcome.REFUSED;
                decisions.add(decision);
            }
            boolean changed = decisions.stream().anyMatch(decision -> decision.outcome() == Outcome.APPLIED);
            return new VillagePlan(code, stored, current, List.copyOf(decisions), changed);
        }

        private static Decision decide(VillageEvent event, Optional<KnownVillage> current) {
            if (current.isEmpty()) {
                return Decision.of(event, event.applyTo(current).isPresent() ? Outcome.APPLIED : Outcome.NOT_TRACKED);
            }
            KnownVillage village = current.get();
            if (event.sequence() < village.sequence()) {
                return Decision.of(event, Outcome.STALE);
            }
            if (event.sequence() == village.sequence()) {
                if (event.eventId().equals(village.lastEventId())) {
                    return Decision.of(event, Outcome.DUPLICATE);
                }
                return new Decision(event, Outcome.REFUSED, "village " + event.code() + " sequence "
                        + event.sequence() + " was already applied as event " + village.lastEventId() + ", not "
                        + event.eventId());
            }
            if (event.sequence() > village.sequence() + 1) {
                log.warn("Village {} jumps from sequence {} to {}: the events between were never seen here",
                        event.code(), village.sequence(), event.sequence());
            }
            return Decision.of(event, Outcome.APPLIED);
        }

        /** Whether the store holds what this plan wrote (the same event last applied). */
        boolean isFoundIn(Optional<KnownVillage> current) {
            return result.isPresent() && current.isPresent()
                    && current.get().sequence() == result.get().sequence()
                    && Objects.equals(current.get().lastEventId(), result.get().lastEventId());
        }

        VillagePlan confirmed() {
            return new VillagePlan(code, result, result, decisions, false);
        }

        boolean writes() {
            return write;
        }
    }

    /** Other consumers kept writing the same villages between our read and our write. */
    static final class LostRace extends RuntimeException {

        LostRace(Set<String> codes) {
            super("villages " + codes + " kept changing concurrently", null, false, false);
        }
    }
}
