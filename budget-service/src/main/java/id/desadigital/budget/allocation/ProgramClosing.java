package id.desadigital.budget.allocation;

import org.springframework.stereotype.Service;

import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.ProgramClosingStep;
import id.desadigital.budget.program.ProgramStatus;
import id.desadigital.budget.program.Programs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closes a program in steps that each survive a crash: the program stops taking new money (CLOSING), the
 * reservations already decided reach their villages, every account holding one of its allocations marks it closed
 * (a spending racing with that loses its compare-and-set and, deciding again, is refused), and only then the
 * program is CLOSED with its PROGRAM_CLOSED entry. The sweeper finishes a closing whose request died.
 */
@Service
public class ProgramClosing implements ProgramClosingStep {

    private final Programs programs;
    private final Accounts accounts;
    private final Allocations allocations;

    public ProgramClosing(Programs programs, Accounts accounts, Allocations allocations) {
        this.programs = programs;
        this.accounts = accounts;
        this.allocations = allocations;
    }

    @Override
    public Mono<Program> close(String programId, String entryId, String actor) {
        return programs.beginClosing(programId, entryId, actor).flatMap(program ->
                program.status() == ProgramStatus.CLOSED ? Mono.just(program) : finish(program));
    }

    /** The steps after CLOSING, for whoever began it (recorded in the program), by its request or by the sweeper. */
    Mono<Program> finish(Program closing) {
        return finishReservations(closing)
                .then(accounts.closeProgram(closing.id()))
                .then(programs.finishClosing(closing.id(), closing.closing().entryId(), closing.closing().actor()));
    }

    /** Carries every reservation of the program to its village (or cancels it); shared with the sweeper. */
    Mono<Void> finishReservations(Program program) {
        return Flux.fromIterable(program.reservations())
                .concatMap(reservation -> allocations.complete(program, reservation)
                        .onErrorResume(e -> Mono.empty()))
                .then();
    }
}
