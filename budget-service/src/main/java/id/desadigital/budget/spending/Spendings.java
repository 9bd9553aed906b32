package id.desadigital.budget.spending;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import id.desadigital.budget.allocation.AccountAllocation;
import id.desadigital.budget.allocation.Accounts;
import id.desadigital.budget.allocation.Allocations;
import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerEntries;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.contracts.budget.SpendingReversed;
import id.desadigital.platform.security.Caller;
import id.desadigital.platform.security.Role;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * Spending reported by village heads, and its reversal. Both are one compare-and-set on the village's account,
 * which holds the allocation's amount and what was spent from it: of any number of concurrent spends, exactly those
 * that fit succeed.
 */
@Service
public class Spendings {

    static final String RECORDED = "RECORDED";
    static final String REVERSED = "REVERSED";

    private final Allocations allocations;
    private final Accounts accounts;
    private final LedgerEntries ledger;
    private final EntryFactory entries;

    public Spendings(Allocations allocations, Accounts accounts, LedgerEntries ledger, EntryFactory entries) {
        this.allocations = allocations;
        this.accounts = accounts;
        this.ledger = ledger;
        this.entries = entries;
    }

    public Mono<SpendingView> spend(String allocationId, String spendingId, NewSpending spending, Caller caller) {
        return allocations.allocationEntry(allocationId).flatMap(created -> {
            String villageCode = created.villageCode();
            if (caller.role() != Role.VILLAGE_HEAD || !villageCode.equals(caller.villageCode())) {
                return Mono.error(ApiProblem.forbidden("Only the head of village " + villageCode
                        + " reports spending from its allocations"));
            }
            return accounts.change(villageCode, account -> {
                if (account.holds(spendingId)) {
                    return null;
                }
                AccountAllocation allocation = account.allocation(allocationId).orElseThrow();
                account.requireOpen(allocation);
                long spent = Math.addExact(allocation.spent(), spending.amount());
                if (spent > allocation.amount()) {
                    throw ApiProblem.conflict("Rp " + spending.amount() + " would pass the allocation: Rp "
                            + allocation.remaining() + " of Rp " + allocation.amount() + " remains");
                }
                LedgerEntry entry = entries.next(account, spendingId, BudgetEvents.SPENDING_RECORDED,
                        caller.username(), allocation.programId(), villageCode,
                        new SpendingRecorded(spendingId, allocationId, allocation.programId(), allocation.fiscalYear(),
                                villageCode, spending.amount(), spending.spentOn(), spending.category().name(),
                                spending.description(), spending.vendor(), spending.receiptNo()));
                return Outboxed.appending(entry)
                        .set("allocations", account.with(allocation.withSpending(spending.category().name(),
                                spending.amount())));
            }).flatMap(accounts::relayed).thenReturn(new SpendingView(spendingId, allocationId, villageCode,
                    spending.amount(), spending.spentOn(), spending.category().name(), RECORDED));
        });
    }

    public Mono<SpendingView> reverse(String spendingId, String entryId, String reason, Caller caller) {
        return recorded(spendingId).flatMap(recorded -> {
            String villageCode = recorded.villageCode();
            boolean ownHead = caller.role() == Role.VILLAGE_HEAD && villageCode.equals(caller.villageCode());
            if (!ownHead && caller.role() != Role.FINANCE_OFFICER) {
                return Mono.error(ApiProblem.forbidden("Only a finance officer or the head of village " + villageCode
                        + " reverses its spending"));
            }
            String allocationId = recorded.text("allocationId");
            long amount = recorded.longValue("amount");
            return accounts.change(villageCode, account -> {
                if (account.holds(entryId)) {
                    return null;
                }
                if (account.reversed().contains(spendingId)) {
                    throw ApiProblem.conflict("Spending " + spendingId + " is already reversed");
                }
                AccountAllocation allocation = account.allocation(allocationId).orElseThrow();
                account.requireOpen(allocation);
                LedgerEntry entry = entries.next(account, entryId, BudgetEvents.SPENDING_REVERSED,
                        caller.username(), allocation.programId(), villageCode,
                        new SpendingReversed(spendingId, allocationId, allocation.programId(), allocation.fiscalYear(),
                                villageCode, amount, reason));
                return Outboxed.appending(entry)
                        .set("allocations", account.with(allocation.withReversal(recorded.text("category"), amount)))
                        .push("reversed", spendingId);
            }).flatMap(accounts::relayed).thenReturn(new SpendingView(spendingId, allocationId, villageCode, amount,
                    LocalDate.parse(recorded.text("spentOn")), recorded.text("category"), REVERSED));
        });
    }

    public Mono<SpendingView> view(String spendingId) {
        return recorded(spendingId).flatMap(recorded -> accounts.find(recorded.villageCode())
                .map(account -> new SpendingView(spendingId, recorded.text("allocationId"), recorded.villageCode(),
                        recorded.longValue("amount"), LocalDate.parse(recorded.text("spentOn")),
                        recorded.text("category"), account.reversed().contains(spendingId) ? REVERSED : RECORDED)));
    }

    private Mono<LedgerEntry> recorded(String spendingId) {
        return ledger.find(spendingId)
                .filter(entry -> entry.type().equals(BudgetEvents.SPENDING_RECORDED))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No spending has id " + spendingId)));
    }

}
