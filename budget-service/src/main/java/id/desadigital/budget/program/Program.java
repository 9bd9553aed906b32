package id.desadigital.budget.program;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;

/**
 * A fiscal-year program and the guard of its ceiling. {@code allocated} counts every allocation and every
 * increase already decided, including those still being carried to their village ({@code reservations}), so the
 * ceiling rule is one compare-and-set on this document. Decreases are counted once their village has recorded
 * them; {@code released} remembers which, so that a repeated release subtracts nothing.
 *
 * @param sequence the program's own chain: PROGRAM_CREATED, CEILING_REVISED, PROGRAM_CLOSED
 * @param chainHash the hash of that chain's last entry
 * @param closing  while CLOSING, who asked and the id their PROGRAM_CLOSED entry gets, so that a closing finished by
 *                 the sweeper is recorded as theirs
 */
@Document(Program.COLLECTION)
public record Program(
        @Id String id,
        int fiscalYear,
        String name,
        String fundingSource,
        String activityCode,
        long ceiling,
        long allocated,
        ProgramStatus status,
        Instant createdAt,
        long revision,
        long sequence,
        String chainHash,
        long publishedSequence,
        List<Reservation> reservations,
        List<String> released,
        List<LedgerEntry> pending,
        String unpublished,
        Closing closing) implements Outboxed {

    public static final String COLLECTION = "programs";

    public Program {
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
        released = released == null ? List.of() : List.copyOf(released);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public long available() {
        return ceiling - allocated;
    }

    public boolean isOpen() {
        return status == ProgramStatus.OPEN;
    }

    /** A closing under way: its PROGRAM_CLOSED entry's id and actor. */
    public record Closing(String entryId, String actor) {
    }
}
