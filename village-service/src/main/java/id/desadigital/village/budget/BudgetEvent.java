package id.desadigital.village.budget;

import java.time.Instant;
import java.util.Optional;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.budget.AllocationAdjusted;
import id.desadigital.contracts.budget.CeilingRevised;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.contracts.budget.ProgramClosed;
import id.desadigital.contracts.budget.ProgramCreated;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.contracts.budget.SpendingReversed;
import id.desadigital.village.village.VillageCode;

/**
 * One budget event about a village as this service understands it: where it stands in the village's budget stream
 * and what it moves in which fiscal year. Built only from envelopes that keep the contract; anything else is
 * refused with {@link RejectedBudgetEvent}.
 */
record BudgetEvent(String eventId, String villageCode, long sequence, Instant occurredAt, int fiscalYear,
        Movement movement) {

    /** The bounds schemas/budget-events puts on one entry's amount and on a fiscal year. */
    static final long MAX_AMOUNT = 10_000_000_000_000L;
    static final int FIRST_FISCAL_YEAR = 2000;
    static final int LAST_FISCAL_YEAR = 2100;

    /**
     * The village event in {@code envelope}, or empty for a program-level event (keyed by program id), which moves
     * no village's figures: an allocation to a village is its own event.
     */
    static Optional<BudgetEvent> from(EventEnvelope<?> envelope) {
        Object payload = envelope.payload();
        if (payload instanceof ProgramCreated || payload instanceof CeilingRevised
                || payload instanceof ProgramClosed) {
            return Optional.empty();
        }
        if (payload instanceof FundsAllocated p) {
            return Optional.of(of(envelope, p.villageCode(), p.fiscalYear(),
                    Movement.allocation(amount(p.amount()))));
        }
        if (payload instanceof AllocationAdjusted p) {
            return Optional.of(of(envelope, p.villageCode(), p.fiscalYear(), Movement.allocation(delta(p.delta()))));
        }
        if (payload instanceof SpendingRecorded p) {
            return Optional.of(of(envelope, p.villageCode(), p.fiscalYear(),
                    Movement.spending(amount(p.amount()))));
        }
        if (payload instanceof SpendingReversed p) {
            return Optional.of(of(envelope, p.villageCode(), p.fiscalYear(),
                    Movement.spending(-amount(p.amount()))));
        }
        throw new RejectedBudgetEvent("event type " + envelope.type() + " is not a budget event");
    }

    private static BudgetEvent of(EventEnvelope<?> envelope, String villageCode, int fiscalYear, Movement movement) {
        if (VillageCode.parse(villageCode).isEmpty()) {
            throw new RejectedBudgetEvent("payload field 'villageCode' is '" + villageCode + "', not a village code "
                    + VillageCode.FORMAT);
        }
        if (!envelope.key().equals(villageCode)) {
            throw new RejectedBudgetEvent("event key " + envelope.key() + " differs from the payload's village code "
                    + villageCode);
        }
        if (fiscalYear < FIRST_FISCAL_YEAR || fiscalYear > LAST_FISCAL_YEAR) {
            throw new RejectedBudgetEvent("fiscal year " + fiscalYear + " is outside " + FIRST_FISCAL_YEAR + ".."
                    + LAST_FISCAL_YEAR);
        }
        return new BudgetEvent(envelope.eventId(), villageCode, envelope.sequence(), envelope.occurredAt(),
                fiscalYear, movement);
    }

    /** The ledger states every amount as positive (the type says the direction); a missing one reads as 0. */
    private static long amount(long value) {
        if (value < 1 || value > MAX_AMOUNT) {
            throw new RejectedBudgetEvent("payload field 'amount' is " + value + ", not 1.." + MAX_AMOUNT);
        }
        return value;
    }

    /** Signed, and never 0: an adjustment that moved nothing would not be in the ledger. */
    private static long delta(long value) {
        if (value == 0 || value < -MAX_AMOUNT || value > MAX_AMOUNT) {
            throw new RejectedBudgetEvent("payload field 'delta' is " + value + ", not a non-zero amount within "
                    + "-" + MAX_AMOUNT + ".." + MAX_AMOUNT);
        }
        return value;
    }
}
