package id.desadigital.budget.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.spending.Category;
import reactor.core.publisher.Mono;

/**
 * Realization (realisasi) of a fiscal year: for each group, what was allocated to villages and what they spent from
 * it, with rate = spent / allocated. One row per group that has an allocation in the year and the area, sorted by key.
 *
 * <p>By district, village and program the figures are sums over the allocations of the group. <b>By category</b>
 * the ledger has no allocated amount: money is allocated to a village per program, and a category is only named when
 * it is spent. So every category row carries as {@code allocated} the whole allocation of the year and area, the same
 * on every row, and its {@code rate} is that category's share of it: the category rows' spent and rates add up to the
 * overall spent and realization rate, which is what an auditor reads a breakdown by kind of spending for ("of the
 * 58 % realized, 40 points went on hardware"). Summing {@code allocated} down the category rows means nothing. Every
 * category appears once the area has an allocation, spent or not, so that areas and years compare row for row; spending
 * recorded before the accounts kept categories is one more row, {@code UNCATEGORISED}, present only when not zero.
 */
@Component
class RealizationReport {

    private final ReportSources sources;

    RealizationReport(ReportSources sources) {
        this.sources = sources;
    }

    Mono<List<RealizationRow>> rows(int fiscalYear, GroupBy groupBy, Area area) {
        return switch (groupBy) {
            case DISTRICT -> Mono.zip(sums(fiscalYear, area, (account, allocation) -> account.districtCode()),
                    districtNames(area), RealizationReport::rows);
            case VILLAGE -> Mono.zip(sums(fiscalYear, area, (account, allocation) -> account.villageCode()),
                    villageNames(area), RealizationReport::rows);
            case PROGRAM -> Mono.zip(sums(fiscalYear, area, (account, allocation) -> allocation.programId()),
                    sources.programs(fiscalYear), (sums, programs) -> rows(sums, programNames(programs)));
            case CATEGORY -> sources.accounts(area)
                    .reduce(new CategorySums(), (sums, account) -> sums.add(account, fiscalYear))
                    .map(CategorySums::rows);
        };
    }

    /** The year's allocations of the area summed by {@code key}, in key order. */
    private Mono<TreeMap<String, Sum>> sums(int fiscalYear, Area area,
            BiFunction<AccountFigures, AccountAllocation, String> key) {
        return sources.accounts(area).reduce(new TreeMap<>(), (sums, account) -> {
            account.in(fiscalYear).forEach(allocation ->
                    sums.computeIfAbsent(key.apply(account, allocation), k -> new Sum()).add(allocation));
            return sums;
        });
    }

    private Mono<Map<String, String>> districtNames(Area area) {
        return sources.villages(area)
                .filter(village -> village.districtCode() != null && village.districtName() != null)
                .collectMap(VillageNames::districtCode, VillageNames::districtName);
    }

    private Mono<Map<String, String>> villageNames(Area area) {
        return sources.villages(area)
                .filter(village -> village.name() != null)
                .collectMap(VillageNames::code, VillageNames::name);
    }

    private static Map<String, String> programNames(Map<String, Program> programs) {
        Map<String, String> names = new TreeMap<>();
        programs.forEach((id, program) -> names.put(id, program.name()));
        return names;
    }

    private static List<RealizationRow> rows(TreeMap<String, Sum> sums, Map<String, String> names) {
        List<RealizationRow> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(RealizationRow.of(key, names.get(key), sum.allocated, sum.spent)));
        return rows;
    }

    /** What a group was allocated and spent, summed without overflow (an overflow fails, it never wraps). */
    private static final class Sum {

        private long allocated;
        private long spent;

        void add(AccountAllocation allocation) {
            allocated = Math.addExact(allocated, allocation.amount());
            spent = Math.addExact(spent, allocation.spent());
        }
    }

    /** The whole allocation of the year and area, and what was spent from it per category. */
    private static final class CategorySums {

        private boolean anyAllocation;
        private long allocated;
        private long uncategorised;
        private final TreeMap<String, Long> spent = new TreeMap<>();

        CategorySums() {
            for (Category category : Category.values()) {
                spent.put(category.name(), 0L);
            }
        }

        CategorySums add(AccountFigures account, int fiscalYear) {
            account.in(fiscalYear).forEach(allocation -> {
                anyAllocation = true;
                allocated = Math.addExact(allocated, allocation.amount());
                allocation.spentByCategory().forEach((category, amount) -> spent.merge(category, amount, Math::addExact));
                uncategorised = Math.addExact(uncategorised, allocation.uncategorised());
            });
            return this;
        }

        List<RealizationRow> rows() {
            if (!anyAllocation) {
                return List.of();
            }
            TreeMap<String, Long> rows = new TreeMap<>(spent);
            if (uncategorised != 0) {
                rows.put(CategoryNames.UNCATEGORISED, uncategorised);
            }
            List<RealizationRow> result = new ArrayList<>(rows.size());
            rows.forEach((category, amount) -> result.add(
                    RealizationRow.of(category, CategoryNames.of(category), allocated, amount)));
            return result;
        }
    }
}
