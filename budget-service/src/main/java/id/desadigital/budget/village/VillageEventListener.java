package id.desadigital.budget.village;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

import id.desadigital.platform.kafka.MessagingProperties;
import id.desadigital.platform.kafka.UnprocessableMessages;
import id.desadigital.platform.observability.Traces;
import id.desadigital.budget.village.VillageProjection.Decision;
import id.desadigital.budget.village.VillageProjection.Outcome;
import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;

/**
 * Feeds the village view from {@code village-events}, a batch of records at a time: one read and one bulk write
 * per batch instead of two commands per event. Failures are left to the container's error handler, told which
 * record failed: a record that breaks the contract is dead-lettered at once, anything else retried with back-off.
 * One listener per generation of the view ({@link KnownVillagesReadModel}), each writing to its own collection.
 */
class VillageEventListener implements BatchMessageListener<String, String> {

    private static final Logger log = LoggerFactory.getLogger(VillageEventListener.class);

    private final EventCodec codec;
    private final VillageProjection projection;
    private final Duration handlingTimeout;
    private final Traces traces;

    VillageEventListener(EventCodec villageEventCodec, VillageProjection projection, MessagingProperties properties,
            Traces traces) {
        this.codec = villageEventCodec;
        this.projection = projection;
        this.handlingTimeout = properties.consumer().handlingTimeout();
        this.traces = traces;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        onVillageEvents(records);
    }

    /**
     * Applies a batch. Every record before the first one that cannot be handled is stored when this returns or
     * throws {@link BatchListenerFailedException} naming that record: the error handler commits the offsets before
     * it, dead-letters or retries it, and has the records after it delivered again.
     *
     * <p>Records after a refused one (not JSON, unknown type, key not the village, a sequence another event
     * holds) are applied too: a refused record is never applied later, so skipping it cannot put a village's
     * events out of order, and their redelivery finds them applied. Records after a record that failed for any
     * other reason are left alone, because that record may still be applied once retried.
     * The one exception is a village's events after an event the projection refused: they are held back for the
     * redelivery (see {@code Outcome.HELD}), so that every refused event is decided against the same state each
     * time it is delivered, and so reaches the dead-letter topic however the topic is cut into batches (a
     * replay's batches are not the live feed's).
     */
    void onVillageEvents(List<ConsumerRecord<String, String>> records) {
        List<VillageEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        TreeMap<Integer, RuntimeException> failures = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                events.add(decode(records.get(i)));
                positions.add(i);
            } catch (RuntimeException e) {
                failures.put(i, e);
                if (!UnprocessableMessages.isUnprocessable(e)) {
                    break;
                }
            }
        }

        List<Decision> decisions;
        try {
            // Waiting here is deliberate and safe: this is a Kafka container thread (never a Netty event loop),
            // one per partition group, and it must not take the next batch of its partitions before this one is
            // stored, or a village's events could be applied out of order. The offsets are committed only after
            // this returns, so a crash between the write and the commit means a redelivery, which the projection
            // recognises.
            decisions = projection.apply(events).block(handlingTimeout);
        } catch (RuntimeException e) {
            // The store failed (or timed out) part-way: nothing of the batch is known to be stored, so the whole
            // batch is tried again, with back-off, from its first record.
            throw new BatchListenerFailedException("village events could not be stored: " + e.getMessage(), e, 0);
        }

        int unreadable = failures.size();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            counts.merge(decision.outcome(), 1, Integer::sum);
            traces.consumed(records.get(positions.get(i)), decision.event().eventId(), decision.outcome());
            if (decision.outcome() == Outcome.REFUSED) {
                failures.put(positions.get(i), new RejectedVillageEvent(decision.refusal()));
            }
        }
        log.debug("{} records of {}: {} unreadable, {}", records.size(), Topics.VILLAGE_EVENTS, unreadable, counts);

        if (!failures.isEmpty()) {
            Map.Entry<Integer, RuntimeException> first = failures.firstEntry();
            throw new BatchListenerFailedException(first.getValue().getMessage(), first.getValue(), first.getKey());
        }
    }

    private VillageEvent decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new RejectedVillageEvent("message at offset " + record.offset() + " has no value");
        }
        VillageEvent event = VillageEvent.from(codec.decode(record.value()));
        if (record.key() != null && !record.key().equals(event.code())) {
            throw new RejectedVillageEvent("message key " + record.key() + " differs from the event's village "
                    + event.code());
        }
        return event;
    }
}
