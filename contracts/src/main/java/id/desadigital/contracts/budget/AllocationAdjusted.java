package id.desadigital.contracts.budget;

/**
 * An allocation grew ({@code delta} above zero) or shrank (below zero) to {@code amount}. Keyed by village code.
 */
public record AllocationAdjusted(String allocationId, String programId, int fiscalYear, String villageCode,
        long delta, long amount, String reason) {
}
