package id.desadigital.budget.village;

import java.time.Instant;
import java.util.Optional;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.village.VillageHeadAssigned;
import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.contracts.village.VillageUpdated;

/**
 * One village event as the budget service understands it: where it stands in the village's stream and what it
 * changes in the village view. Built only from envelopes that keep the contract; anything else is refused with
 * {@link RejectedVillageEvent}.
 */
record VillageEvent(String eventId, String code, long sequence, Instant occurredAt, Change change) {

    static VillageEvent from(EventEnvelope<?> envelope) {
        Change change = change(envelope);
        if (!envelope.key().equals(change.code())) {
            throw new RejectedVillageEvent("event key " + envelope.key() + " differs from the payload's village code "
                    + change.code());
        }
        return new VillageEvent(envelope.eventId(), change.code(), envelope.sequence(), envelope.occurredAt(), change);
    }

    private static Change change(EventEnvelope<?> envelope) {
        Object payload = envelope.payload();
        // The area names and the province code are kept when present but not required: they only label reports,
        // and an event without them still says everything allocations depend on.
        if (payload instanceof VillageRegistered p) {
            return new Snapshot(required(p.code(), "code"), required(p.name(), "name"),
                    required(p.districtCode(), "districtCode"), p.districtName(),
                    required(p.regencyCode(), "regencyCode"), p.regencyName(), p.provinceCode(), p.provinceName(),
                    status(p.status()));
        }
        if (payload instanceof VillageUpdated p) {
            return new Snapshot(required(p.code(), "code"), required(p.name(), "name"),
                    required(p.districtCode(), "districtCode"), p.districtName(),
                    required(p.regencyCode(), "regencyCode"), p.regencyName(), p.provinceCode(), p.provinceName(),
                    status(p.status()));
        }
        if (payload instanceof VillageStatusChanged p) {
            return new StatusChange(required(p.code(), "code"), status(p.status()));
        }
        if (payload instanceof VillageHeadAssigned p) {
            return new NothingForBudget(required(p.code(), "code"));
        }
        throw new RejectedVillageEvent("event type " + envelope.type() + " is not a village event");
    }

    /** The village as it stands after this event, or empty when there is nothing to keep. */
    Optional<KnownVillage> applyTo(Optional<KnownVillage> current) {
        return change.applyTo(current, this);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RejectedVillageEvent("payload field '" + field + "' is missing");
        }
        return value;
    }

    private static VillageStatus status(String value) {
        try {
            return VillageStatus.valueOf(required(value, "status"));
        } catch (IllegalArgumentException e) {
            throw new RejectedVillageEvent("status '" + value + "' is neither ACTIVE nor INACTIVE");
        }
    }

    /** What an event changes in the village view. */
    sealed interface Change {

        String code();

        Optional<KnownVillage> applyTo(Optional<KnownVillage> current, VillageEvent event);
    }

    /** Registration and re-import carry the whole village, so the view is replaced. */
    record Snapshot(String code, String name, String districtCode, String districtName, String regencyCode,
            String regencyName, String provinceCode, String provinceName, VillageStatus status) implements Change {

        @Override
        public Optional<KnownVillage> applyTo(Optional<KnownVillage> current, VillageEvent event) {
            return Optional.of(new KnownVillage(code, name, districtCode, districtName, regencyCode, regencyName,
                    provinceCode, provinceName, status, event.sequence(), event.eventId(), event.occurredAt()));
        }
    }

    /**
     * A status change alone. Applied even to a village whose registration was never seen: the status is what
     * decides allocations, and village-service only changes the status of a village it knows.
     */
    record StatusChange(String code, VillageStatus status) implements Change {

        @Override
        public Optional<KnownVillage> applyTo(Optional<KnownVillage> current, VillageEvent event) {
            return Optional.of(current
                    .map(village -> village.at(status, event.sequence(), event.eventId(), event.occurredAt()))
                    .orElseGet(() -> new KnownVillage(code, null, null, null, status, event.sequence(),
                            event.eventId(), event.occurredAt())));
        }
    }

    /** A change budgeting does not track (a new village head); only the position in the stream moves. */
    record NothingForBudget(String code) implements Change {

        @Override
        public Optional<KnownVillage> applyTo(Optional<KnownVillage> current, VillageEvent event) {
            return current.map(village -> village.at(village.status(), event.sequence(), event.eventId(),
                    event.occurredAt()));
        }
    }
}
