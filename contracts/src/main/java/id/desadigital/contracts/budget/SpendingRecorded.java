package id.desadigital.contracts.budget;

import java.time.LocalDate;

/** A village head reported spending from an allocation, with its receipt. Keyed by village code. */
public record SpendingRecorded(String spendingId, String allocationId, String programId, int fiscalYear,
        String villageCode, long amount, LocalDate spentOn, String category, String description, String vendor,
        String receiptNo) {
}
