package id.desadigital.budget.allocation;

/** An allocation as the API shows it. */
public record AllocationView(String id, String programId, String villageCode, int fiscalYear, long amount,
        long spent, long remaining) {

    static AllocationView of(String villageCode, AccountAllocation allocation) {
        return new AllocationView(allocation.id(), allocation.programId(), villageCode, allocation.fiscalYear(),
                allocation.amount(), allocation.spent(), allocation.remaining());
    }
}
