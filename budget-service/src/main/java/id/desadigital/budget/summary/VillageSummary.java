package id.desadigital.budget.summary;

import java.util.List;

import id.desadigital.budget.allocation.AllocationView;

/** A village's money in one fiscal year: totals, and each allocation with what was spent from it. */
public record VillageSummary(String villageCode, int fiscalYear, long allocated, long spent, long remaining,
        List<AllocationView> allocations) {

    static VillageSummary of(String villageCode, int fiscalYear, List<AllocationView> allocations) {
        long allocated = allocations.stream().mapToLong(AllocationView::amount).reduce(0, Math::addExact);
        long spent = allocations.stream().mapToLong(AllocationView::spent).reduce(0, Math::addExact);
        return new VillageSummary(villageCode, fiscalYear, allocated, spent, allocated - spent, allocations);
    }
}
