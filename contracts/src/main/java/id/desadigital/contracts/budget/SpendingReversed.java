package id.desadigital.contracts.budget;

/** A recorded spending was reversed; its amount is available to the allocation again. Keyed by village code. */
public record SpendingReversed(String spendingId, String allocationId, String programId, int fiscalYear,
        String villageCode, long amount, String reason) {
}
