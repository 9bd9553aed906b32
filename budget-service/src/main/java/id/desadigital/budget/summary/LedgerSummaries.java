package id.desadigital.budget.summary;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.AllocationView;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.contracts.budget.BudgetEvents;
import reactor.core.publisher.Mono;

/** A village's figures at a past instant, replayed from its ledger entries. */
@Component
class LedgerSummaries {

    private final ReactiveMongoTemplate mongo;

    LedgerSummaries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<VillageSummary> asOf(String villageCode, int fiscalYear, Instant asOf) {
        return mongo.find(query(where("villageCode").is(villageCode).and("occurredAt").lte(asOf))
                        .with(Sort.by("sequence")), LedgerEntry.class)
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
