package id.desadigital.village.budget;

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
 * Applies budget events to the stored village figures, each at most once and in each village's order.
 *
 * <p>The village's position in its budget stream decides: an event whose sequence is below the stored one is stale
 * and ignored; the same sequence with the same event id is a redelivery and ignored; the same sequence with another
 * event id means the producer broke the contract and the event is refused (and only that event: the village's
 * later events still apply). An event that would overflow a figure is refused too. A sequence further ahead than
 * the next one is applied, with a warning, as budget-service's village view does: the ledger publishes each
 * village's entries in order from one outbox, so a gap means events left the topic before this service read them,
 * and holding the village back would not bring them back.
 *
 * <p>A batch costs the store one read ({@code _id $in}) and one unordered bulk write, whatever its size: every event
 * is decided in memory in order, the events of one village folded into its final figures, which are then inserted
 * (a village with no figures yet) or written with a compare-and-set on the stored sequence ({@code {_id, sequence}}
 * equality, backed by a unique index). Two consumers racing during a partition rebalance, or two instances sharing
 * a store, cannot both win; the villages whose write lost are read again and decided again.
 */
class BudgetProjection {

    private static final Logger log = LoggerFactory.getLogger(BudgetProjection.class);

    /** A lost race is re-decided this often; more than that is not contention but a fault, retried by Kafka. */
    static final int MAX_LOST_RACES = 5;

    private final ReactiveMongoTemplate mongo;
    private final String collection;

    /**
     * Figures kept in {@code collection}: each generation of the read model has its own
     * ({@link BudgetFiguresReadModel}).
     */
    BudgetProjection(ReactiveMongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * The unique {@code {_id, sequence}} index the compare-and-set filters on: without it the writes stay correct, but
     * the embedded store would scan the whole collection on every event.
     */
    static Mono<Void> createIndexes(ReactiveMongoTemplate mongo, String collection) {
        CompoundIndexDefinition index = new CompoundIndexDefinition(new Document("_id", 1)
                .append(VillageBudget.SEQUENCE, 1));
        index.named("code_sequence").unique();
        return mongo.indexOps(collection).createIndex(index).then();
    }

    /**
     * Decides and stores a batch of events (in the order they were read from their partitions) and says what
     * became of each, in the same order. Completes once every write is acknowledged by the store; fails, with
     * possibly some villages written (which a redelivery then finds applied), when the store does.
     */
    Mono<List<Decision>> apply(List<BudgetEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<String, List<BudgetEvent>> byVillage = new LinkedHashMap<>();
        events.forEach(event -> byVillage.computeIfAbsent(event.villageCode(), code -> new ArrayList<>()).add(event));
        return Mono.defer(() -> settle(byVillage, byVillage.keySet(), Map.of(), new HashMap<>(), 0))
                .map(settled -> inBatchOrder(events, settled));
    }

    /**
     * Reads the villages in {@code codes}, decides their events, writes the results, and goes again for the
     * villages whose write may have lost a race. {@code unconfirmed} holds the plans of the previous round whose
     * write is in doubt: figures found exactly as planned were written (by us, or by another consumer applying the
     * same event), so their decisions stand.
     */
    private Mono<Map<String, BudgetPlan>> settle(Map<String, List<BudgetEvent>> byVillage, Collection<String> codes,
            Map<String, BudgetPlan> unconfirmed, Map<String, BudgetPlan> settled, int lostRaces) {
        return read(codes).flatMap(stored -> {
            List<BudgetPlan> plans = new ArrayList<>(codes.size());
            for (String code : codes) {
                Optional<VillageBudget> current = Optional.ofNullable(stored.get(code));
                BudgetPlan previous = unconfirmed.get(code);
                plans.add(previous != null && previous.isFoundIn(current)
                        ? previous.confirmed()
                        : BudgetPlan.decide(code, byVillage.get(code), current));
            }
            List<BudgetPlan> writes = plans.stream().filter(BudgetPlan::write).toList();
            return write(writes).flatMap(inDoubt -> {
                Map<String, BudgetPlan> nextRound = new HashMap<>();
                for (BudgetPlan plan : plans) {
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
                log.debug("Budgets of {} changed while their batch was decided; deciding them again",
                        nextRound.keySet());
                return settle(byVillage, nextRound.keySet(), nextRound, settled, lostRaces + 1);
            });
        });
    }

    /** The stored figures of {@code codes}, by code: one query, which the {@code _id} index answers. */
    private Mono<Map<String, VillageBudget>> read(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), VillageBudget.class, collection)
                .collectMap(VillageBudget::code);
    }

    /**
     * One unordered bulk write of every plan that changes its figures. Answers the codes whose write may not have
     * happened: an insert refused as a duplicate (another consumer inserted the figures first), and, should fewer
     * compare-and-set replaces match than were sent, every replaced village (the store does not say which missed).
     */
    private Mono<Set<String>> write(List<BudgetPlan> plans) {
        if (plans.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<WriteModel<Document>> models = new ArrayList<>(plans.size());
        Set<String> replaced = new HashSet<>();
        for (BudgetPlan plan : plans) {
            Document budget = new Document();
            mongo.getConverter().write(plan.result(), budget);
            if (plan.stored().isEmpty()) {
                models.add(new InsertOneModel<>(budget));
            } else {
                // Equality on exactly the fields of the unique {_id, sequence} index: a store that only uses an
                // index for such a filter (the embedded one) would otherwise scan the collection per village.
                Document filter = new Document("_id", plan.code())
                        .append(VillageBudget.SEQUENCE, plan.stored().get().sequence());
                models.add(new ReplaceOneModel<>(filter, budget));
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

    private static Mono<Set<String>> lostRaces(MongoBulkWriteException failure, List<BudgetPlan> plans,
            Set<String> replaced) {
        if (failure.getWriteConcernError() != null) {
            return Mono.error(failure);
        }
        Set<String> inDoubt = new HashSet<>();
        for (BulkWriteError error : failure.getWriteErrors()) {
            BudgetPlan plan = plans.get(error.getIndex());
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

    private static List<Decision> inBatchOrder(List<BudgetEvent> events, Map<String, BudgetPlan> settled) {
        Map<String, Integer> next = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(events.size());
        for (BudgetEvent event : events) {
            int index = next.merge(event.villageCode(), 1, Integer::sum) - 1;
            decisions.add(settled.get(event.villageCode()).decisions().get(index));
        }
        return decisions;
    }

    /** What applying one event did. */
    enum Outcome {
        APPLIED,
        /** A redelivery of the event applied last. */
        DUPLICATE,
        /** Older than the last event applied. */
        STALE,
        /** Claims a sequence another event holds, or would overflow a figure: it can never be applied. */
        REFUSED,
        /**
         * Comes after a refused event of its village in the batch, and waits for the batch's redelivery after that
         * one is dead-lettered: decided now, it could move the figures past the refused event, which redelivered
         * would then look merely stale and never reach the dead-letter topic.
         */
        HELD
    }

    /**
     * What became of one event.
     *
     * @param refusal why the event was refused; null unless the outcome is {@link Outcome#REFUSED}
     */
    record Decision(BudgetEvent event, Outcome outcome, String refusal) {

        static Decision of(BudgetEvent event, Outcome outcome) {
            return new Decision(event, outcome, null);
        }
    }

    /**
     * One village's events decided against the figures read from the store.
     *
     * @param stored what the store held when the events were decided
     * @param result the figures after all of them; differ from {@code stored} only when one was applied
     * @param write whether {@code result} still has to be written
     */
    record BudgetPlan(String code, Optional<VillageBudget> stored, VillageBudget result, List<Decision> decisions,
            boolean write) {

        static BudgetPlan decide(String code, List<BudgetEvent> events, Optional<VillageBudget> stored) {
            VillageBudget current = stored.orElseGet(() -> VillageBudget.none(code));
            List<Decision> decisions = new ArrayList<>(events.size());
            boolean changed = false;
            boolean held = false;
            for (BudgetEvent event : events) {
                if (held) {
                    decisions.add(Decision.of(event, Outcome.HELD));
                    continue;
                }
                Optional<Decision> passedOver = passedOver(event, current);
                if (passedOver.isPresent()) {
                    decisions.add(passedOver.get());
                    held = passedOver.get().outcome() == Outcome.REFUSED;
                    continue;
                }
                VillageBudget next;
                try {
                    next = current.apply(event);
                } catch (ArithmeticException overflow) {
                    decisions.add(new Decision(event, Outcome.REFUSED, "village " + event.villageCode()
                            + " fiscal year " + event.fiscalYear() + " would overflow with event " + event.eventId()));
                    held = true;
                    continue;
                }
                if (event.sequence() > current.sequence() + 1) {
                    log.warn("Village {} budget jumps from sequence {} to {}: the events between were never seen "
                            + "here", event.villageCode(), current.sequence(), event.sequence());
                }
                current = next;
                changed = true;
                decisions.add(Decision.of(event, Outcome.APPLIED));
            }
            return new BudgetPlan(code, stored, current, List.copyOf(decisions), changed);
        }

        /**
         * Why {@code event} is not applied to {@code current}, judged by its sequence alone; empty when it comes after
         * the last event applied.
         */
        private static Optional<Decision> passedOver(BudgetEvent event, VillageBudget current) {
            if (event.sequence() < current.sequence()) {
                return Optional.of(Decision.of(event, Outcome.STALE));
            }
            if (event.sequence() > current.sequence()) {
                return Optional.empty();
            }
            if (event.eventId().equals(current.lastEventId())) {
                return Optional.of(Decision.of(event, Outcome.DUPLICATE));
            }
            return Optional.of(new Decision(event, Outcome.REFUSED, "village " + event.villageCode()
                    + " budget sequence " + event.sequence() + " was already applied as event "
                    + current.lastEventId() + ", not " + event.eventId()));
        }

        /** Whether the store holds what this plan wrote (the same event last applied). */
        boolean isFoundIn(Optional<VillageBudget> current) {
            return current.isPresent()
                    && current.get().sequence() == result.sequence()
                    && Objects.equals(current.get().lastEventId(), result.lastEventId());
        }

        BudgetPlan confirmed() {
            return new BudgetPlan(code, Optional.of(result), result, decisions, false);
        }
    }

    /** Other consumers kept writing the same villages between our read and our write. */
    static final class LostRace extends RuntimeException {

        LostRace(Set<String> codes) {
            super("budgets of villages " + codes + " kept changing concurrently", null, false, false);
        }
    }
}
