package id.desadigital.contracts.budget;

/** Part of a program's ceiling was allocated to a village. Keyed by village code. */
public record FundsAllocated(String allocationId, String programId, int fiscalYear, String villageCode, long amount,
        String note) {
}
