package id.desadigital.budget.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * An allocation as its village's account keeps it: what may be spent, and what has been.
 *
 * @param spentByCategory what was spent per spending category (CONNECTIVITY, HARDWARE, ...), moved in the same
 *                        compare-and-set as {@code spent}, so the realization reports read it from the accounts
 *                        instead of the ledger. Never null; empty in documents written before it was kept, whose
 *                        earlier spending is then counted in {@code spent} only ({@link #uncategorised()}).
 * @param adjustments     the ids of the ALLOCATION_ADJUSTED entries that changed {@code amount}, set in the same
 *                        compare-and-set: a raise or cut carried to the account again once its entry has left the
 *                        outbox (by the reservation sweeper after its request died, or by a repeated request) is
 *                        recognised rather than applied twice. A few a year; never null, empty in documents written
 *                        before they were kept.
 */
public record AccountAllocation(String id, String programId, int fiscalYear, long amount, long spent,
        Map<String, Long> spentByCategory, List<String> adjustments) {

    @PersistenceCreator
    public AccountAllocation {
        spentByCategory = spentByCategory == null ? Map.of() : Map.copyOf(spentByCategory);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    public AccountAllocation(String id, String programId, int fiscalYear, long amount, long spent) {
        this(id, programId, fiscalYear, amount, spent, Map.of(), List.of());
    }

    public long remaining() {
        return amount - spent;
    }

    /** What was spent before categories were kept: the part of {@code spent} no category accounts for. */
    public long uncategorised() {
        long categorised = spentByCategory.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        return spent - categorised;
    }

    /** Whether the adjustment recorded as {@code entryId} already changed this allocation. */
    public boolean isAdjustedBy(String entryId) {
        return adjustments.contains(entryId);
    }

    /** The amount as the adjustment recorded as {@code entryId} makes it. */
    public AccountAllocation adjustedBy(String entryId, long newAmount) {
        List<String> applied = new ArrayList<>(adjustments);
        applied.add(entryId);
        return new AccountAllocation(id, programId, fiscalYear, newAmount, spent, spentByCategory, applied);
    }

    public AccountAllocation withSpent(long newSpent) {
        return new AccountAllocation(id, programId, fiscalYear, amount, newSpent, spentByCategory, adjustments);
    }

    /** {@code amount} more spent, in {@code category}; an overflow is an ArithmeticException, never a wrap. */
    public AccountAllocation withSpending(String category, long amount) {
        Map<String, Long> byCategory = new TreeMap<>(spentByCategory);
        byCategory.merge(category, amount, Math::addExact);
        return new AccountAllocation(id, programId, fiscalYear, this.amount, Math.addExact(spent, amount), byCategory,
                adjustments);
    }

    /**
     * A spending of {@code amount} in {@code category} reversed. The category gives back at most what it holds: a
     * spending recorded before categories were kept was never counted in one, so it leaves {@code spent} only.
     */
    public AccountAllocation withReversal(String category, long amount) {
        Map<String, Long> byCategory = new TreeMap<>(spentByCategory);
        byCategory.computeIfPresent(category, (key, held) -> Math.max(0, held - amount));
        return new AccountAllocation(id, programId, fiscalYear, this.amount, Math.subtractExact(spent, amount),
                byCategory, adjustments);
    }
}
