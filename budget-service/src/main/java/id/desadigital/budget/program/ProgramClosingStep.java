package id.desadigital.budget.program;

import reactor.core.publisher.Mono;

/** Closing a program touches every village account that holds one of its allocations; the allocation side does it. */
public interface ProgramClosingStep {

    Mono<Program> close(String programId, String entryId, String actor);
}
