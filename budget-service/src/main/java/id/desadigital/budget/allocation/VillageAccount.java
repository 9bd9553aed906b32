package id.desadigital.budget.allocation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.platform.web.ApiProblem;

/**
 * One village's money: its allocations (one per program at most) with what was spent from each, and the village's
 * ledger chain. Every village-level rule (spend no more than the allocation, never below what is spent, one
 * allocation per program, reverse a spending once, nothing on a closed program) is decided on this one document
 * and written with one compare-and-set, together with the entry that records it.
 *
 * @param sequence        the village's chain: FUNDS_ALLOCATED, ALLOCATION_ADJUSTED, SPENDING_RECORDED, SPENDING_REVERSED
 * @param chainHash       the hash of the chain's last entry
 * @param closedPrograms  programs being closed or closed: their allocations take no more changes
 * @param reversed        spendings already reversed
 */
@Document(VillageAccount.COLLECTION)
public record VillageAccount(
        @Id String id,
        long revision,
        long sequence,
        String chainHash,
        long publishedSequence,
        List<AccountAllocation> allocations,
        List<String> closedPrograms,
        List<String> reversed,
        List<LedgerEntry> pending,
        String unpublished) implements Outboxed {

    public static final String COLLECTION = "village_accounts";

    public VillageAccount {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
        closedPrograms = closedPrograms == null ? List.of() : List.copyOf(closedPrograms);
        reversed = reversed == null ? List.of() : List.copyOf(reversed);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    static VillageAccount open(String villageCode) {
        return new VillageAccount(villageCode, 0, 0, null, 0, List.of(), List.of(), List.of(), List.of(), null);
    }

    public String villageCode() {
        return id;
    }

    public Optional<AccountAllocation> allocation(String allocationId) {
        return allocations.stream().filter(a -> a.id().equals(allocationId)).findFirst();
    }

    public Optional<AccountAllocation> allocationIn(String programId) {
        return allocations.stream().filter(a -> a.programId().equals(programId)).findFirst();
    }

    public boolean isClosed(AccountAllocation allocation) {
        return closedPrograms.contains(allocation.programId());
    }

    /** Refuses any change to an allocation of a program that is closing or closed. */
    public void requireOpen(AccountAllocation allocation) {
        if (isClosed(allocation)) {
            throw ApiProblem.conflict("Program " + allocation.programId() + " is closed; nothing on it changes any more");
        }
    }

    /** Whether this account already holds the entry, still pending; a relayed one is in the ledger. */
    public boolean holds(String entryId) {
        return pending.stream().anyMatch(entry -> entry.id().equals(entryId));
    }

    /** The same allocations with one replaced. */
    public List<AccountAllocation> with(AccountAllocation changed) {
        return allocations.stream().map(a -> a.id().equals(changed.id()) ? changed : a).toList();
    }
}
