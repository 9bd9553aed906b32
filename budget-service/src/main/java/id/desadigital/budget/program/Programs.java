package id.desadigital.budget.program;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.desadigital.budget.ledger.CompareAndSet;
import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.EntryRelay;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.LedgerWrites;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.CeilingRevised;
import id.desadigital.contracts.budget.ProgramClosed;
import id.desadigital.contracts.budget.ProgramCreated;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code programs} collection and every change to a program. Each change is one compare-and-set on the
 * program's document (see {@link CompareAndSet}); program-level ledger entries ride in the same update.
 */
@Component
public class Programs {

    private static final String ALLOCATED = "allocated";
    private static final String RESERVATIONS = "reservations";

    private final ReactiveMongoTemplate mongo;
    private final CompareAndSet cas;
    private final EntryFactory entries;
    private final EntryRelay relay;
    private final Traces traces;
    private final LedgerWrites writes;

    public Programs(ReactiveMongoTemplate mongo, CompareAndSet cas, EntryFactory entries, EntryRelay relay,
            Traces traces, LedgerWrites writes) {
        this.mongo = mongo;
        this.cas = cas;
        this.entries = entries;
        this.relay = relay;
        this.traces = traces;
        this.writes = writes;
    }

    public Mono<Program> find(String id) {
        return mongo.findById(id, Program.class);
    }

    public Mono<Program> get(String id) {
        return find(id).switchIfEmpty(Mono.error(() -> notFound(id)));
    }

    public Flux<Program> list(Integer fiscalYear) {
        var query = fiscalYear == null ? query(where(Outboxed.ID).exists(true))
                : query(where("fiscalYear").is(fiscalYear));
        return mongo.find(query.with(Sort.by("fiscalYear", "createdAt")), Program.class);
    }

    /** Opens a program; {@code id} is also its PROGRAM_CREATED entry's, so a repeated request finds it. */
    public Mono<Program> create(String id, NewProgram program, String actor) {
        return Mono.deferContextual(context -> {
            LedgerEntry created;
            try (Traces.Scope inTrace = traces.resume(context)) {
                created = entries.first(id, BudgetEvents.PROGRAM_CREATED, actor, id, id, null,
                        new ProgramCreated(id, program.fiscalYear(), program.name(), program.ceiling(),
                                program.fundingSource().name(), program.activityCode()));
            }
            Program fresh = new Program(id, program.fiscalYear(), program.name(), program.fundingSource().name(),
                    program.activityCode(), program.ceiling(), 0, ProgramStatus.OPEN, created.occurredAt(), 1, 1,
                    created.hash(), 0, List.of(), List.of(), List.of(created), id, null);
            return mongo.insert(fresh)
                    .doOnNext(inserted -> writes.written(created))
                    .onErrorResume(DuplicateKeyException.class, e -> get(id));
        }).flatMap(this::relayed);
    }

    public Mono<Program> revise(String id, String entryId, long ceiling, String reason, String actor) {
        return change(id, program -> {
            if (program.pending().stream().anyMatch(entry -> entry.id().equals(entryId))) {
                return null;
            }
            requireOpen(program);
            if (ceiling < program.allocated()) {
                throw ApiProblem.conflict("The ceiling cannot go below what is allocated: Rp " + program.allocated());
            }
            LedgerEntry revised = entries.next(program, entryId, BudgetEvents.CEILING_REVISED, actor, id, null,
                    new CeilingRevised(id, program.fiscalYear(), program.ceiling(), ceiling, reason));
            return Outboxed.appending(revised).set("ceiling", ceiling);
        }).flatMap(this::relayed);
    }

    /**
     * Promises part of the ceiling to a village. Refused when the program is not open or the promise would pass
     * the ceiling.
     */
    public Mono<Program> reserve(String id, Reservation reservation) {
        return change(id, program -> {
            if (program.reservations().stream().anyMatch(r -> r.entryId().equals(reservation.entryId()))) {
                return null;
            }
            requireOpen(program);
            long allocated = Math.addExact(program.allocated(), reservation.amount());
            if (allocated > program.ceiling()) {
                throw ApiProblem.conflict("Rp " + reservation.amount() + " would pass the program's ceiling: Rp "
                        + program.available() + " of Rp " + program.ceiling() + " is still available");
            }
            return new Update().set(ALLOCATED, allocated).push(RESERVATIONS, reservation);
        });
    }

    /** The village took the reservation: it is no longer pending, the money stays allocated. */
    public Mono<Program> settle(String id, String entryId) {
        return dropReservation(id, entryId, false);
    }

    /** The village refused the reservation (it already has an allocation in this program): the money returns. */
    public Mono<Program> cancel(String id, String entryId) {
        return dropReservation(id, entryId, true);
    }

    private Mono<Program> dropReservation(String id, String entryId, boolean returnMoney) {
        return change(id, program -> program.reservations().stream()
                .filter(r -> r.entryId().equals(entryId)).findFirst()
                .map(reservation -> {
                    Update update = new Update().pull(RESERVATIONS, new org.bson.Document("entryId", entryId));
                    return returnMoney ? update.set(ALLOCATED, program.allocated() - reservation.amount()) : update;
                })
                .orElse(null));
    }

    /** Returns to the ceiling what a village's account gave up (a decrease it recorded as {@code entryId}), once. */
    public Mono<Program> release(String id, String entryId, long amount) {
        return change(id, program -> program.released().contains(entryId) ? null
                : new Update().set(ALLOCATED, program.allocated() - amount).push("released", entryId));
    }

    /** First step of closing: from here no allocation, increase or revision is taken. */
    public Mono<Program> beginClosing(String id, String entryId, String actor) {
        return change(id, program -> {
            if (program.status() != ProgramStatus.OPEN) {
                return null;
            }
            return new Update().set("status", ProgramStatus.CLOSING).set("closing", new Program.Closing(entryId, actor));
        });
    }

    /** Last step of closing, once every allocation of the program is closed in its village's account. */
    public Mono<Program> finishClosing(String id, String entryId, String actor) {
        return change(id, program -> {
            if (program.status() == ProgramStatus.CLOSED) {
                return null;
            }
            LedgerEntry closed = entries.next(program, entryId, BudgetEvents.PROGRAM_CLOSED, actor, id, null,
                    new ProgramClosed(id, program.fiscalYear(), program.ceiling(), program.allocated()));
            return Outboxed.appending(closed).set("status", ProgramStatus.CLOSED);
        }).flatMap(this::relayed);
    }

    /** Programs with reservations or a closing under way: what the sweeper may have to finish. */
    public Flux<Program> unfinished() {
        return mongo.find(query(new org.springframework.data.mongodb.core.query.Criteria().orOperator(
                where("reservations.0").exists(true), where("status").is(ProgramStatus.CLOSING))), Program.class);
    }

    private Mono<Program> change(String id, java.util.function.Function<Program, Update> decide) {
        return cas.apply(Program.COLLECTION, Program.class, id, decide, () -> notFound(id));
    }

    private Mono<Program> relayed(Program program) {
        return relay.relay(program, Program.COLLECTION).thenReturn(program);
    }

    static void requireOpen(Program program) {
        if (!program.isOpen()) {
            throw ApiProblem.conflict("Program " + program.id() + " is closed; nothing on it changes any more");
        }
    }

    static ApiProblem notFound(String id) {
        return ApiProblem.notFound("No program has id " + id);
    }
}
