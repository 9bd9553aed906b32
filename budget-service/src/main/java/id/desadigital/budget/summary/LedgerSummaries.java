package id.desadigital.budget.summary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.Accounts;
import id.desadigital.budget.allocation.AllocationView;
import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.contracts.budget.BudgetEvents;
import reactor.core.publisher.Mono;

/** A village's figures at a past instant, replayed from its chain of ledger entries. */
@Component
class LedgerSummaries {

    private final Accounts accounts;
    private final Chains chains;

    LedgerSummaries(Accounts accounts, Chains chains) {
        this.accounts = accounts;
        this.chains = chains;
    }

    Mono<VillageSummary> asOf(String villageCode, int fiscalYear, Instant asOf) {
        return accounts.find(villageCode)
                .flatMapMany(account -> chains.of(account, 1, account.sequence()))
                .filter(entry -> !entry.occurredAt().isAfter(asOf))
                .filter(entry -> entry.payload().get("fiscalYear", Number.class).intValue() == fiscalYear)
                .reduce(new LinkedHashMap<String, AllocationView>(), (allocations, entry) -> {
                    apply(allocations, entry);
                    return allocations;
                })
                .map(allocations -> VillageSummary.of(villageCode, fiscalYear, allocations.values().stream().toList()));
    }

    private static void apply(Map<String, AllocationView> allocations, LedgerEntry entry) {
        String id = entry.text("allocationId");
        AllocationView current = allocations.get(id);
        switch (entry.type()) {
            case BudgetEvents.FUNDS_ALLOCATED -> allocations.put(id, new AllocationView(id, entry.programId(),
                    entry.villageCode(), entry.payload().get("fiscalYear", Number.class).intValue(),
                    entry.longValue("amount"), 0, entry.longValue("amount")));
            case BudgetEvents.ALLOCATION_ADJUSTED -> allocations.put(id, with(current, entry.longValue("amount"),
                    current.spent()));
            case BudgetEvents.SPENDING_RECORDED -> allocations.put(id, with(current, current.amount(),
                    Math.addExact(current.spent(), entry.longValue("amount"))));
            case BudgetEvents.SPENDING_REVERSED -> allocations.put(id, with(current, current.amount(),
                    current.spent() - entry.longValue("amount")));
            default -> { }
        }
    }

    private static AllocationView with(AllocationView allocation, long amount, long spent) {
        return new AllocationView(allocation.id(), allocation.programId(), allocation.villageCode(),
                allocation.fiscalYear(), amount, spent, amount - spent);
    }
}
