package id.desadigital.budget.program;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * A program's figures at a past instant, from the ledger alone: its ceiling and status from its own chain, what was
 * allocated to and spent by villages from the village-level entries naming it (on MongoDB through the
 * {@code programId, occurredAt} index).
 */
@Component
class ProgramsAsOf {

    private final Programs programs;
    private final Chains chains;
    private final ReactiveMongoTemplate mongo;

    ProgramsAsOf(Programs programs, Chains chains, ReactiveMongoTemplate mongo) {
        this.programs = programs;
        this.chains = chains;
        this.mongo = mongo;
    }

    Mono<ProgramView> asOf(String id, Instant asOf) {
        return programs.get(id).flatMap(program -> Mono.zip(
                        chains.of(program, 1, program.sequence()).filter(entry -> !entry.occurredAt().isAfter(asOf))
                                .collectList(),
                        mongo.find(query(where("programId").is(id).and("occurredAt").lte(asOf)), LedgerEntry.class)
                                .filter(entry -> !entry.key().equals(id)).collectList())
                .map(found -> view(program, found.getT1(), found.getT2(), asOf)));
    }

    private static ProgramView view(Program program, List<LedgerEntry> own, List<LedgerEntry> villages, Instant asOf) {
        if (own.isEmpty()) {
            throw ApiProblem.notFound("Program " + program.id() + " did not exist yet at " + asOf);
        }
        long ceiling = 0;
        boolean closed = false;
        for (LedgerEntry entry : own) {
            switch (entry.type()) {
                case BudgetEvents.PROGRAM_CREATED, BudgetEvents.CEILING_REVISED -> ceiling = entry.longValue("ceiling");
                case BudgetEvents.PROGRAM_CLOSED -> closed = true;
                default -> { }
            }
        }
        long allocated = 0;
        long spent = 0;
        for (LedgerEntry entry : villages) {
            switch (entry.type()) {
                case BudgetEvents.FUNDS_ALLOCATED -> allocated = Math.addExact(allocated, entry.longValue("amount"));
                case BudgetEvents.ALLOCATION_ADJUSTED -> allocated = Math.addExact(allocated, entry.longValue("delta"));
                case BudgetEvents.SPENDING_RECORDED -> spent = Math.addExact(spent, entry.longValue("amount"));
                case BudgetEvents.SPENDING_REVERSED -> spent = Math.subtractExact(spent, entry.longValue("amount"));
                default -> { }
            }
        }
        return new ProgramView(program.id(), program.fiscalYear(), program.name(), program.fundingSource(),
                program.activityCode(), ceiling, allocated, spent, ceiling - allocated, closed ? "CLOSED" : "OPEN");
    }
}
