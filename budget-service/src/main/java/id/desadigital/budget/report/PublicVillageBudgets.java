package id.desadigital.budget.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.allocation.Accounts;
import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.Programs;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.budget.village.KnownVillages;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A village's year for the public ({@link PublicVillageBudget}). In {@code report/} rather than a package of its
 * own: it is a public figure like the realization report's, with that report's rate, parameters and short-lived
 * public cache (package-private here), and it reads a village's account and chain as the semester report beside it
 * does.
 *
 * <p>The figures are the village's account, the source of its signed-in summary, so the two always agree; the
 * spending list is its chain of ledger entries up to the account's sequence (stored, or still pending in the
 * account), so it holds exactly the spending those figures count, and a spending is REVERSED when the account lists
 * it as reversed, which the same compare-and-set as its SPENDING_REVERSED entry wrote. Every read is by a unique
 * key: the village's view and account by {@code _id}, the chain by {@code link $in}, each program by {@code _id};
 * never a query over the whole ledger (docs/audit.md, "Indexes"). A year without allocations reads no chain.
 *
 * <p>An account written before chains were kept (sequence 0) has figures but no entries, so its spending list is
 * empty while {@code spent} is not.
 */
@Component
class PublicVillageBudgets {

    private static final Comparator<LedgerEntry> NEWEST_FIRST = Comparator
            .comparing(PublicVillageBudgets::spentOn, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Comparator.comparingLong(LedgerEntry::sequence).reversed());

    private final KnownVillages villages;
    private final Accounts accounts;
    private final Chains chains;
    private final Programs programs;

    PublicVillageBudgets(KnownVillages villages, Accounts accounts, Chains chains, Programs programs) {
        this.villages = villages;
        this.accounts = accounts;
        this.chains = chains;
        this.programs = programs;
    }

    /** Fails with a 404 for a village this service has not heard of. */
    Mono<PublicVillageBudget> of(String villageCode, int fiscalYear) {
        Mono<KnownVillage> known = villages.find(villageCode)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No village has code " + villageCode)));
        Mono<Optional<VillageAccount>> account = accounts.find(villageCode).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(known, account).flatMap(read -> {
            List<AccountAllocation> allocations = read.getT2().stream()
                    .flatMap(village -> village.allocations().stream())
                    .filter(allocation -> allocation.fiscalYear() == fiscalYear)
                    .toList();
            if (allocations.isEmpty()) {
                return Mono.just(PublicVillageBudget.of(villageCode, read.getT1(), fiscalYear, List.of(), List.of()));
            }
            VillageAccount village = read.getT2().get();
            Mono<List<LedgerEntry>> chain = chains.of(village, 1, village.sequence()).collectList();
            Mono<Map<String, Program>> named = Flux.fromIterable(allocations)
                    .map(AccountAllocation::programId)
                    .distinct()
                    .flatMap(programs::find)
                    .collectMap(Program::id);
            return Mono.zip(chain, named, (entries, byId) -> PublicVillageBudget.of(villageCode, read.getT1(),
                    fiscalYear, allocations(allocations, byId), spending(village, allocations, entries, byId)));
        });
    }

    private static List<PublicVillageBudget.Allocation> allocations(List<AccountAllocation> allocations,
            Map<String, Program> programs) {
        Comparator<PublicVillageBudget.Allocation> apbdesOrder = Comparator
                .comparing(PublicVillageBudget.Allocation::activityCode,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PublicVillageBudget.Allocation::programName,
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PublicVillageBudget.Allocation::programId);
        return allocations.stream().map(allocation -> {
            Optional<Program> program = Optional.ofNullable(programs.get(allocation.programId()));
            return new PublicVillageBudget.Allocation(allocation.id(), allocation.programId(),
                    program.map(Program::name).orElse(null), program.map(Program::fundingSource).orElse(null),
                    program.map(Program::activityCode).orElse(null), allocation.amount(), allocation.spent(),
                    allocation.remaining());
        }).sorted(apbdesOrder).toList();
    }

    private static List<PublicVillageBudget.Spending> spending(VillageAccount village,
            List<AccountAllocation> allocations, List<LedgerEntry> chain, Map<String, Program> programs) {
        Set<String> ofTheYear = allocations.stream().map(AccountAllocation::id).collect(Collectors.toSet());
        Set<String> reversed = Set.copyOf(village.reversed());
        return chain.stream()
                .filter(entry -> entry.type().equals(BudgetEvents.SPENDING_RECORDED))
                .filter(entry -> ofTheYear.contains(entry.text("allocationId")))
                .sorted(NEWEST_FIRST)
                .map(entry -> {
                    Program program = programs.get(entry.programId());
                    return new PublicVillageBudget.Spending(entry.id(), entry.text("allocationId"),
                            program == null ? null : program.name(), spentOn(entry), entry.text("category"),
                            entry.text("description"), entry.text("vendor"), entry.text("receiptNo"),
                            entry.longValue("amount"), reversed.contains(entry.id())
                                    ? PublicVillageBudget.Spending.REVERSED : PublicVillageBudget.Spending.RECORDED);
                })
                .toList();
    }

    private static LocalDate spentOn(LedgerEntry entry) {
        String spentOn = entry.text("spentOn");
        return spentOn == null ? null : LocalDate.parse(spentOn);
    }
}
