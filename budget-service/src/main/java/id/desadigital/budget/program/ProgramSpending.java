package id.desadigital.budget.program;

import reactor.core.publisher.Mono;

/** What has been spent from a program's allocations; the village accounts know it, the program does not. */
public interface ProgramSpending {

    Mono<Long> spentFrom(String programId);
}
