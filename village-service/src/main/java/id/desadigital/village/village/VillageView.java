package id.desadigital.village.village;

import java.util.List;

/** A village as the API shows it; {@code budget} comes from budget-events, one line per fiscal year in order. */
public record VillageView(
        String code,
        String name,
        VillageType type,
        String districtCode,
        String districtName,
        String regencyCode,
        String regencyName,
        String provinceCode,
        String provinceName,
        VillageStatus status,
        Head head,
        List<BudgetLine> budget) {

    public static VillageView of(Village village, List<BudgetLine> budget) {
        return new VillageView(village.code(), village.name(), village.type(), village.districtCode(),
                village.districtName(), village.regencyCode(), village.regencyName(), village.provinceCode(),
                village.provinceName(), village.status(), village.head(), List.copyOf(budget));
    }

    /** What the ledger says of this village in one fiscal year, in whole rupiah. */
    public record BudgetLine(int fiscalYear, long allocated, long spent) {
    }
}
