package id.desadigital.budget.village;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The budget service's own view of one village, built only from {@code village-events}. It keeps what budgeting
 * needs (names and area codes for reports, the status for new allocations) and where in the village's event
 * stream it stands: {@code sequence} and {@code lastEventId} of the last event applied.
 *
 * <p>{@code name}, {@code districtCode} and {@code regencyCode} are null only for a village whose registration
 * this service never saw (its earliest events had left the topic before it first read it).
 */
@Document(KnownVillage.COLLECTION)
public record KnownVillage(
        @Id String code,
        String name,
        String districtCode,
        String regencyCode,
        VillageStatus status,
        long sequence,
        String lastEventId,
        Instant lastEventAt) {

    static final String COLLECTION = "known_villages";
    static final String SEQUENCE = "sequence";

    public boolean isActive() {
        return status == VillageStatus.ACTIVE;
    }
}
