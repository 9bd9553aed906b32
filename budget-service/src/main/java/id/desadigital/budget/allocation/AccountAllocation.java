package id.desadigital.budget.allocation;

/** An allocation as its village's account keeps it: what may be spent, and what has been. */
public record AccountAllocation(String id, String programId, int fiscalYear, long amount, long spent) {

    public long remaining() {
        return amount - spent;
    }

    public AccountAllocation withAmount(long newAmount) {
        return new AccountAllocation(id, programId, fiscalYear, newAmount, spent);
    }

    public AccountAllocation withSpent(long newSpent) {
        return new AccountAllocation(id, programId, fiscalYear, amount, newSpent);
    }
}
