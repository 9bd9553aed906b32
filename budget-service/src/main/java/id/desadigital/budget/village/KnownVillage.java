package id.desadigital.budget.village;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The budget service's own view of one village, built only from {@code village-events}. It keeps what budgeting
 * needs (names and area codes for reports, the status for new allocations) and where in the village's event
 * stream it stands: {@code sequence} and {@code lastEventId} of the last event applied.
 *
 * <p>{@code name}, {@code districtCode} and {@code regencyCode} are null only for a village whose registration
 * this service never saw (its earliest events had left the topic before it first read it). The area names and the
 * province code (for the realization reports, which name districts and join by area) are null also for a village
 * stored before this view kept them, until its next VillageRegistered or VillageUpdated event.
 */
@Document(KnownVillage.COLLECTION)
public record KnownVillage(
        @Id String code,
        String name,
        String districtCode,
        String districtName,
        String regencyCode,
        String regencyName,
        String provinceCode,
        String provinceName,
        VillageStatus status,
        long sequence,
        String lastEventId,
        Instant lastEventAt) {

    static final String COLLECTION = "known_villages";
    static final String SEQUENCE = "sequence";

    /** The canonical constructor is the one the store maps documents with, never the shorter one below. */
    @PersistenceCreator
    public KnownVillage {
    }

    /** A village known by its codes and name only (tests and callers that need no area names). */
    public KnownVillage(String code, String name, String districtCode, String regencyCode, VillageStatus status,
            long sequence, String lastEventId, Instant lastEventAt) {
        this(code, name, districtCode, null, regencyCode, null, null, null, status, sequence, lastEventId,
                lastEventAt);
    }

    /** The same village at another position in its event stream, with another status. */
    KnownVillage at(VillageStatus newStatus, long newSequence, String eventId, Instant eventAt) {
        return new KnownVillage(code, name, districtCode, districtName, regencyCode, regencyName, provinceCode,
                provinceName, newStatus, newSequence, eventId, eventAt);
    }

    public boolean isActive() {
        return status == VillageStatus.ACTIVE;
    }
}
