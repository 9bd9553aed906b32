package id.desadigital.village.village;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a village, kept for ever inside the village's own document: it is the village's history and,
 * until {@code sequence <= publishedVersion}, also its outbox entry (see {@code outbox/}). {@code details} is the
 * event payload as published on {@code village-events}.
 */
public record VillageChange(
        String eventId,
        String type,
        Instant occurredAt,
        String actor,
        long sequence,
        Map<String, Object> details) {
}
