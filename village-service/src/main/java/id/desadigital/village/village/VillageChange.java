package id.desadigital.village.village;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a village, kept for ever inside the village's own document: it is the village's history and,
 * until {@code sequence <= publishedVersion}, also its outbox entry (see {@code outbox/}). {@code details} is the
 * event payload as published on {@code village-events}. {@code traceparent} is the W3C trace of the request that
 * made the change (null when none), which its Kafka record carries as a header however late it is published; it is
 * no part of the event or of the history the API shows.
 */
public record VillageChange(
        String eventId,
        String type,
        Instant occurredAt,
        String actor,
        long sequence,
        Map<String, Object> details,
        String traceparent) {
}
