package id.desadigital.budget.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import id.desadigital.budget.village.KnownVillage;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One village's money in one fiscal year as anyone may read it: the figures of its signed-in summary, each
 * allocation with its program's name, funding source and activity code, and each spending as the village reported
 * it. No user of the system is named (no actor, no head) and no reversal's reason is shown; a spending's
 * description, vendor and receipt number are shown as the village head entered them.
 *
 * @param villageName  its name as this service's view of villages has it; null, like the areas' names, for a
 *                     village whose registration (or a later update with area names) it never saw
 * @param allocated    whole rupiah, as {@code spent} and {@code remaining}
 * @param rate         spent / allocated, rounded half up to 4 decimals as the realization report's ({@link Rate});
 *                     null when nothing is allocated
 * @param allocations  in the order of the APBDes: by activity code, then program name
 * @param spending     newest first: by the receipt's date, then the later recorded first
 */
public record PublicVillageBudget(
        String villageCode,
        String villageName,
        String districtName,
        String regencyName,
        String provinceName,
        int fiscalYear,
        long allocated,
        long spent,
        long remaining,
        BigDecimal rate,
        List<Allocation> allocations,
        List<Spending> spending) {

    static PublicVillageBudget of(String villageCode, KnownVillage village, int fiscalYear,
            List<Allocation> allocations, List<Spending> spending) {
        long allocated = allocations.stream().mapToLong(Allocation::amount).reduce(0, Math::addExact);
        long spent = allocations.stream().mapToLong(Allocation::spent).reduce(0, Math::addExact);
        return new PublicVillageBudget(villageCode, village.name(), village.districtName(), village.regencyName(),
                village.provinceName(), fiscalYear, allocated, spent, Math.subtractExact(allocated, spent),
                Rate.of(spent, allocated), List.copyOf(allocations), List.copyOf(spending));
    }

    /** One allocation of the year and what was spent from it, whole rupiah; program fields null if it is unknown. */
    @Schema(name = "PublicVillageAllocation")
    public record Allocation(String id, String programId, String programName, String fundingSource,
            String activityCode, long amount, long spent, long remaining) {
    }

    /**
     * One spending as the village head reported it. A reversed one stays in the list, since the ledger never
     * forgets, and counts in no figure.
     */
    @Schema(name = "PublicVillageSpending")
    public record Spending(String id, String allocationId, String programName, LocalDate spentOn, String category,
            String description, String vendor, String receiptNo, long amount,
            @Schema(allowableValues = {"RECORDED", "REVERSED"}) String status) {

        static final String RECORDED = "RECORDED";
        static final String REVERSED = "REVERSED";
    }
}
