package id.desadigital.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * What every Kafka message carries. {@code sequence} counts the events of one {@code key} (a village code or a
 * program id) from 1 without gaps, so a consumer can both drop a duplicate and notice a reordering.
 *
 * @param <P> the payload record of the event type named by {@code type}
 */
public record EventEnvelope<P>(
        String eventId,
        String type,
        Instant occurredAt,
        String actor,
        String key,
        long sequence,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }
}
