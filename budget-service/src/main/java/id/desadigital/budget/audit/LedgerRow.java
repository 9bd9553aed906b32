package id.desadigital.budget.audit;

import java.time.Instant;
import java.util.Map;

import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.contracts.budget.BudgetEvents;

/**
 * A ledger entry as the audit API shows it. {@code seq} is the entry's place in its {@code chain} (a village code,
 * or a program id for program-level entries). {@code amount} is positive, the money the entry moved: the ceiling
 * of a new program, the allocation, the spending or its reversal; for a ceiling revision or an allocation
 * adjustment, by how much, with {@code direction} INCREASE or DECREASE; none for a closing. {@code payload} is the
 * entry's whole content as budget-events carries it (the receipt's date, category, vendor and number of a
 * spending...), so that anyone can recompute {@code hash} from the row alone (docs/audit.md).
 */
record LedgerRow(long seq, String id, String type, Instant occurredAt, String actor, String programId,
        String villageCode, String allocationId, String spendingId, Long amount, String direction, String reason,
        String chain, String prevHash, String hash, Map<String, Object> payload) {

    static final String INCREASE = "INCREASE";
    static final String DECREASE = "DECREASE";

    static LedgerRow of(LedgerEntry entry) {
        Long amount = null;
        String direction = null;
        String reason = null;
        switch (entry.type()) {
            case BudgetEvents.PROGRAM_CREATED -> amount = entry.longValue("ceiling");
            case BudgetEvents.CEILING_REVISED -> {
                long change = entry.longValue("ceiling") - entry.longValue("previousCeiling");
                amount = change == 0 ? null : Math.abs(change);
                direction = change < 0 ? DECREASE : INCREASE;
                reason = entry.text("reason");
            }
            case BudgetEvents.FUNDS_ALLOCATED -> {
                amount = entry.longValue("amount");
                reason = entry.text("note");
            }
            case BudgetEvents.ALLOCATION_ADJUSTED -> {
                long delta = entry.longValue("delta");
                amount = Math.abs(delta);
                direction = delta < 0 ? DECREASE : INCREASE;
                reason = entry.text("reason");
            }
            case BudgetEvents.SPENDING_RECORDED -> amount = entry.longValue("amount");
            case BudgetEvents.SPENDING_REVERSED -> {
                amount = entry.longValue("amount");
                reason = entry.text("reason");
            }
            default -> { }
        }
        return new LedgerRow(entry.sequence(), entry.id(), entry.type(), entry.occurredAt(), entry.actor(),
                entry.programId(), entry.villageCode(), entry.payload().getString("allocationId"),
                entry.payload().getString("spendingId"), amount, direction, reason, entry.key(), entry.prevHash(),
                entry.hash(), entry.payload());
    }
}
