package id.desadigital.contracts.budget;

import java.util.Map;

import id.desadigital.contracts.EventCodec;

/**
 * The event types on {@code budget-events}: one per ledger entry type, named as the ledger names them. Program-level
 * events are keyed by program id, the others by village code. Their schemas are in schemas/budget-events.
 */
public final class BudgetEvents {

    public static final String PROGRAM_CREATED = "PROGRAM_CREATED";
    public static final String CEILING_REVISED = "CEILING_REVISED";
    public static final String PROGRAM_CLOSED = "PROGRAM_CLOSED";
    public static final String FUNDS_ALLOCATED = "FUNDS_ALLOCATED";
    public static final String ALLOCATION_ADJUSTED = "ALLOCATION_ADJUSTED";
    public static final String SPENDING_RECORDED = "SPENDING_RECORDED";
    public static final String SPENDING_REVERSED = "SPENDING_REVERSED";

    public static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            PROGRAM_CREATED, ProgramCreated.class,
            CEILING_REVISED, CeilingRevised.class,
            PROGRAM_CLOSED, ProgramClosed.class,
            FUNDS_ALLOCATED, FundsAllocated.class,
            ALLOCATION_ADJUSTED, AllocationAdjusted.class,
            SPENDING_RECORDED, SpendingRecorded.class,
            SPENDING_REVERSED, SpendingReversed.class);

    private BudgetEvents() {
    }

    public static EventCodec codec() {
        return new EventCodec(PAYLOAD_TYPES);
    }
}
