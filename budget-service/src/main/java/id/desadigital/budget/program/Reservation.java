package id.desadigital.budget.program;

import java.time.Instant;

/**
 * Money of the ceiling promised to a village, not yet recorded in its account: a new allocation or an increase.
 * Once it is here the promise stands; the village's account takes it (by this entry id, once) and the reservation
 * is then dropped. {@code allocationId} equals {@code entryId} for a new allocation.
 */
public record Reservation(
        String entryId,
        String allocationId,
        String villageCode,
        long amount,
        String actor,
        String note,
        Instant reservedAt) {

    public boolean isNewAllocation() {
        return entryId.equals(allocationId);
    }
}
