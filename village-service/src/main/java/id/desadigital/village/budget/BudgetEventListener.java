package id.desadigital.village.budget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.village.budget.BudgetProjection.Decision;
import id.desadigital.village.budget.BudgetProjection.Outcome;
import id.desadigital.platform.kafka.MessagingProperties;
import id.desadigital.platform.kafka.UnprocessableMessages;
import id.desadigital.platform.observability.Traces;

/**
 * Feeds the village budget figures from {@code budget-events}, a batch of records at a time: one read and one bulk
 * write per batch instead of two commands per event. Program-level events are read and passed over. Failures are
 * left to the container's error handler, told which record failed: a record that breaks the contract is
 * dead-lettered at once, anything else retried with back-off. One listener per generation of the figures
 * ({@link BudgetFiguresReadModel}), each writing to its own collection.
 */
class BudgetEventListener implements BatchMessageListener<String, String> {

    private static final Logger log = LoggerFactory.getLogger(BudgetEventListener.class);

    // Not a bean: the service already has one EventCodec bean (the village events it publishes), and this codec is
    // this listener's alone.
    private final EventCodec codec = BudgetEvents.codec();
    private final BudgetProjection projection;
    private final Duration handlingTimeout;
    private final Traces traces;

    BudgetEventListener(BudgetProjection projection, MessagingProperties properties, Traces traces) {
        this.projection = projection;
        this.handlingTimeout = properties.consumer().handlingTimeout();
        this.traces = traces;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        onBudgetEvents(records);
    }

    /**
     * Applies a batch. Every record before the first one that cannot be handled is stored when this returns or
     * throws {@link BatchListenerFailedException} naming that record: the error handler commits the offsets before
     * it, dead-letters or retries it, and has the records after it delivered again.
     *
     * <p>Records after a refused one (not JSON, unknown type, key not the village, a sequence another event holds,
     * an overflow) are applied too: a refused record is never applied later, so skipping it cannot put a village's
     * events out of order, and their redelivery finds them applied. Records after a record that failed for any
     * other reason are left alone, because that record may still be applied once retried.
     * The one exception is a village's events after an event the projection refused: they are held back for the
     * redelivery (see {@code Outcome.HELD}), so that every refused event is decided against the same state each
     * time it is delivered, and so reaches the dead-letter topic however the topic is cut into batches (a
     * replay's batches are not the live feed's).
     */
    void onBudgetEvents(List<ConsumerRecord<String, String>> records) {
        List<BudgetEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        TreeMap<Integer, RuntimeException> failures = new TreeMap<>();
        int programLevel = 0;
        for (int i = 0; i < records.size(); i++) {
            try {
                Optional<BudgetEvent> event = decode(records.get(i));
                if (event.isPresent()) {
                    events.add(event.get());
                    positions.add(i);
                } else {
                    programLevel++;
                }
            } catch (RuntimeException e) {
                failures.put(i, e);
                if (!UnprocessableMessages.isUnprocessable(e)) {
                    break;
                }
            }
        }

        List<Decision> decisions = store(events);

        int unreadable = failures.size();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            counts.merge(decision.outcome(), 1, Integer::sum);
            traces.consumed(records.get(positions.get(i)), decision.event().eventId(), decision.outcome());
            if (decision.outcome() == Outcome.REFUSED) {
                failures.put(positions.get(i), new RejectedBudgetEvent(decision.refusal()));
            }
        }
        log.debug("{} records of {}: {} program-level, {} unreadable, {}", records.size(), Topics.BUDGET_EVENTS,
                programLevel, unreadable, counts);

        if (!failures.isEmpty()) {
            Map.Entry<Integer, RuntimeException> first = failures.firstEntry();
            throw new BatchListenerFailedException(first.getValue().getMessage(), first.getValue(), first.getKey());
        }
    }

    /**
     * Waits for the batch to be stored. The wait is the point: this is a Kafka container thread (never a Netty
     * event loop), and it must not take the next batch of its partitions before this one is stored, or a village's
     * events could be applied out of order; the offsets are committed only after it returns, so a crash between the
     * write and the commit means a redelivery, which the projection recognises. A listener returning the Mono
     * instead would be acknowledged asynchronously while the container polled on, which gives up that order.
     */
    private List<Decision> store(List<BudgetEvent> events) {
        try {
            return projection.apply(events).timeout(handlingTimeout).toFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeFailed(e);
        } catch (ExecutionException e) {
            throw storeFailed(e.getCause());
        }
    }

    /**
     * The store failed (or timed out) part-way: nothing of the batch is known to be stored, so the whole batch is
     * tried again, with back-off, from its first record.
     */
    private static BatchListenerFailedException storeFailed(Throwable cause) {
        return new BatchListenerFailedException("budget events could not be stored: " + cause, cause, 0);
    }

    private Optional<BudgetEvent> decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new RejectedBudgetEvent("message at offset " + record.offset() + " has no value");
        }
        Optional<BudgetEvent> event = BudgetEvent.from(codec.decode(record.value()));
        if (event.isPresent() && !event.get().villageCode().equals(record.key())) {
            throw new RejectedBudgetEvent("message key " + record.key() + " differs from the event's village "
                    + event.get().villageCode());
        }
        return event;
    }
}
