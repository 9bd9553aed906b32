package id.desadigital.village.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.budget.AllocationAdjusted;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.contracts.budget.ProgramClosed;
import id.desadigital.contracts.budget.ProgramCreated;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.contracts.budget.SpendingReversed;

/** Budget events as budget-service publishes them, keyed by village code or, for programs, by program id. */
final class SampleBudgetEvents {

    static final String PROGRAM = "0f3c9a52-6d1e-4b8a-9c27-5e4d3b2a1f00";
    static final String ALLOCATION = "5b2e8c1d-7a4f-4e39-b6d0-9c8a7e6f5d11";
    static final String SPENDING = "e1d2c3b4-a5f6-4789-8abc-def012345622";

    private SampleBudgetEvents() {
    }

    static EventEnvelope<FundsAllocated> allocated(String code, long sequence, int fiscalYear, long amount) {
        return envelope(BudgetEvents.FUNDS_ALLOCATED, code, sequence,
                new FundsAllocated(ALLOCATION, PROGRAM, fiscalYear, code, amount, "Internet desa"));
    }

    static EventEnvelope<AllocationAdjusted> adjusted(String code, long sequence, int fiscalYear, long delta) {
        return envelope(BudgetEvents.ALLOCATION_ADJUSTED, code, sequence,
                new AllocationAdjusted(ALLOCATION, PROGRAM, fiscalYear, code, delta, Math.max(delta, 0),
                        "Harga modem berubah"));
    }

    static EventEnvelope<SpendingRecorded> spent(String code, long sequence, int fiscalYear, long amount) {
        return envelope(BudgetEvents.SPENDING_RECORDED, code, sequence,
                new SpendingRecorded(SPENDING, ALLOCATION, PROGRAM, fiscalYear, code, amount,
                        LocalDate.of(fiscalYear, 3, 2), "HARDWARE", "Laptop operator SID", "CV Maju Jaya",
                        "INV/" + fiscalYear + "/03/017"));
    }

    static EventEnvelope<SpendingReversed> reversed(String code, long sequence, int fiscalYear, long amount) {
        return envelope(BudgetEvents.SPENDING_REVERSED, code, sequence,
                new SpendingReversed(SPENDING, ALLOCATION, PROGRAM, fiscalYear, code, amount, "Nota ganda"));
    }

    static EventEnvelope<ProgramCreated> programCreated(String programId, long sequence) {
        return envelope(BudgetEvents.PROGRAM_CREATED, programId, sequence,
                new ProgramCreated(programId, 2026, "Digitalisasi Desa 2026", 1_400_000_000L, "PBK", "1.4.08"));
    }

    static EventEnvelope<ProgramClosed> programClosed(String programId, long sequence) {
        return envelope(BudgetEvents.PROGRAM_CLOSED, programId, sequence,
                new ProgramClosed(programId, 2026, 1_400_000_000L, 6_000_000L));
    }

    /** The same event under another id: what a producer breaking the contract would send. */
    static <P> EventEnvelope<P> impostor(EventEnvelope<P> event) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), event.type(), event.occurredAt(), event.actor(),
                event.key(), event.sequence(), event.payload());
    }

    /** The same event under another Kafka and envelope key. */
    static <P> EventEnvelope<P> keyedBy(String key, EventEnvelope<P> event) {
        return new EventEnvelope<>(event.eventId(), event.type(), event.occurredAt(), event.actor(), key,
                event.sequence(), event.payload());
    }

    static String encode(EventEnvelope<?> event) {
        return BudgetEvents.codec().encode(event);
    }

    private static <P> EventEnvelope<P> envelope(String type, String key, long sequence, P payload) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), type,
                Instant.parse("2026-01-20T02:30:00Z").plusSeconds(sequence), "keuangan.dinpermasdes", key, sequence,
                payload);
    }
}
