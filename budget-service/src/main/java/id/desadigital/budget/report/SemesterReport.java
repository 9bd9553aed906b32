package id.desadigital.budget.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.allocation.Accounts;
import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.csv.Csv;
import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.Programs;
import id.desadigital.budget.spending.Category;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.budget.village.KnownVillages;
import id.desadigital.contracts.budget.BudgetEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A village's semester realization report, in the manner of the Laporan Realisasi Pelaksanaan APBDes: per program
 * (its activity code and name) the ceiling (anggaran: the village's allocation in it, as it now stands), what was
 * realized (realisasi), what remains (sisa) and the percentage realized; under each program what was realized per
 * spending category; and a total line.
 *
 * <p>What counts as realized in a semester is decided by {@code spentOn}, the date on the receipt, not by when the
 * spending was entered: a receipt of 28 June entered on 2 July belongs to the first semester, as it does in the
 * village's own books. Semester 1 is every spending dated on or before 30 June of the fiscal year; semester 2 is
 * the whole year, every spending of the year's allocations (so its total equals what the accounts say was spent).
 * A reversed spending counts in neither: a reversal corrects the record (a receipt entered twice, a wrong amount),
 * so the spending is taken out of the semester its receipt is dated in, whenever the reversal was made.
 *
 * <p>Read from the village's own chain of ledger entries (as many index lookups as the chain has entries), never by
 * a query over the whole ledger.
 */
@Component
class SemesterReport {

    static final String HEADER = Csv.line("fiscalYear", "semester", "villageCode", "villageName", "level",
            "activityCode", "programId", "program", "fundingSource", "category", "ceiling", "realized", "remaining",
            "percentage");

    private final Accounts accounts;
    private final Chains chains;
    private final Programs programs;
    private final KnownVillages villages;

    SemesterReport(Accounts accounts, Chains chains, Programs programs, KnownVillages villages) {
        this.accounts = accounts;
        this.chains = chains;
        this.programs = programs;
        this.villages = villages;
    }

    /** The report's CSV lines, header first, each ending with CRLF. */
    Mono<List<String>> csv(String villageCode, int fiscalYear, int semester) {
        Mono<Optional<VillageAccount>> account = accounts.find(villageCode).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        Mono<Optional<String>> name = villages.find(villageCode).map(KnownVillage::name).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(account, name).flatMap(read -> {
            Period period = new Period(villageCode, read.getT2().orElse(null), fiscalYear, semester);
            if (read.getT1().isEmpty()) {
                return Mono.just(period.lines(List.of(), Map.of(), Map.of()));
            }
            VillageAccount village = read.getT1().get();
            List<AccountAllocation> allocations = village.allocations().stream()
                    .filter(allocation -> allocation.fiscalYear() == fiscalYear).toList();
            if (allocations.isEmpty()) {
                return Mono.just(period.lines(List.of(), Map.of(), Map.of()));
            }
            Mono<Map<String, Map<String, Long>>> realized = chains.of(village, 1, village.sequence())
                    .collectList()
                    .map(entries -> period.realized(entries));
            Mono<Map<String, Program>> named = Flux.fromIterable(allocations)
                    .flatMap(allocation -> programs.find(allocation.programId()))
                    .collectMap(Program::id);
            return Mono.zip(realized, named, (byProgram, byId) -> period.lines(allocations, byId, byProgram));
        });
    }

    /** One village's semester: which spending counts, and the report's lines. */
    private record Period(String villageCode, String villageName, int fiscalYear, int semester) {

        /** The last receipt date semester 1 takes; semester 2 takes every date. */
        LocalDate lastDay() {
            return semester == 1 ? LocalDate.of(fiscalYear, 6, 30) : null;
        }

        /** What was realized in the period, by program and then category, from the village's chain. */
        Map<String, Map<String, Long>> realized(List<LedgerEntry> chain) {
            Set<String> reversed = new HashSet<>();
            for (LedgerEntry entry : chain) {
                if (entry.type().equals(BudgetEvents.SPENDING_REVERSED)) {
                    reversed.add(entry.text("spendingId"));
                }
            }
            Map<String, Map<String, Long>> byProgram = new HashMap<>();
            for (LedgerEntry entry : chain) {
                if (!entry.type().equals(BudgetEvents.SPENDING_RECORDED) || reversed.contains(entry.id())
                        || !inYear(entry) || !inPeriod(entry)) {
                    continue;
                }
                String category = entry.text("category") == null ? CategoryNames.UNCATEGORISED : entry.text("category");
                byProgram.computeIfAbsent(entry.programId(), program -> new HashMap<>())
                        .merge(category, entry.longValue("amount"), Math::addExact);
            }
            return byProgram;
        }

        private boolean inYear(LedgerEntry entry) {
            Number year = entry.payload().get("fiscalYear", Number.class);
            return year != null && year.intValue() == fiscalYear;
        }

        /** A spending without a receipt date (none is stored so, but a report must not fail on one) counts in semester 2. */
        private boolean inPeriod(LedgerEntry entry) {
            LocalDate last = lastDay();
            if (last == null) {
                return true;
            }
            String spentOn = entry.text("spentOn");
            return spentOn != null && !LocalDate.parse(spentOn).isAfter(last);
        }

        List<String> lines(List<AccountAllocation> allocations, Map<String, Program> programs,
                Map<String, Map<String, Long>> realized) {
            List<String> lines = new ArrayList<>();
            lines.add(HEADER);
            long ceiling = 0;
            long total = 0;
            Comparator<AccountAllocation> order = Comparator
                    .comparing((AccountAllocation a) -> activityCode(programs.get(a.programId())),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(a -> name(programs.get(a.programId())), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(AccountAllocation::programId);
            for (AccountAllocation allocation : allocations.stream().sorted(order).toList()) {
                Program program = programs.get(allocation.programId());
                Map<String, Long> byCategory = realized.getOrDefault(allocation.programId(), Map.of());
                long programRealized = byCategory.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
                lines.add(line("PROGRAM", allocation, program, null, allocation.amount(), programRealized,
                        allocation.amount() - programRealized, Rate.percent(programRealized, allocation.amount())));
                categoryOrder(byCategory).forEach((category, amount) -> {
                    if (amount != 0) {
                        lines.add(line("CATEGORY", allocation, program, category, null, amount, null,
                                Rate.percent(amount, allocation.amount())));
                    }
                });
                ceiling = Math.addExact(ceiling, allocation.amount());
                total = Math.addExact(total, programRealized);
            }
            lines.add(Csv.line(fiscalYear, semester, villageCode, villageName, "TOTAL", null, null, null, null, null,
                    ceiling, total, ceiling - total, Rate.percent(total, ceiling)));
            return lines;
        }

        private String line(String level, AccountAllocation allocation, Program program, String category,
                Long ceiling, long realized, Long remaining, Object percentage) {
            return Csv.line(fiscalYear, semester, villageCode, villageName, level, activityCode(program),
                    allocation.programId(), name(program), program == null ? null : program.fundingSource(), category,
                    ceiling, realized, remaining, percentage);
        }

        /** The categories in the order the API lists them, any other after them by name. */
        private static Map<String, Long> categoryOrder(Map<String, Long> byCategory) {
            Map<String, Long> ordered = new TreeMap<>(Comparator
                    .comparingInt((String category) -> ordinal(category))
                    .thenComparing(Comparator.naturalOrder()));
            ordered.putAll(byCategory);
            return ordered;
        }

        private static int ordinal(String category) {
            for (Category known : Category.values()) {
                if (known.name().equals(category)) {
                    return known.ordinal();
                }
            }
            return Integer.MAX_VALUE;
        }

        private static String activityCode(Program program) {
            return program == null ? null : program.activityCode();
        }

        private static String name(Program program) {
            return program == null ? null : program.name();
        }
    }
}
