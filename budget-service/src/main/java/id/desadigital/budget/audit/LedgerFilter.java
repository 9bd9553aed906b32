package id.desadigital.budget.audit;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.request.QueryParameters;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.web.ApiProblem;

/**
 * What a ledger query is narrowed by; every part optional, each compared for equality ({@code from} and
 * {@code to} bound {@code occurredAt}, both included).
 */
record LedgerFilter(String villageCode, String programId, String type, String actor, Instant from, Instant to) {

    private static final Set<String> TYPES = Set.of(BudgetEvents.PROGRAM_CREATED, BudgetEvents.CEILING_REVISED,
            BudgetEvents.PROGRAM_CLOSED, BudgetEvents.FUNDS_ALLOCATED, BudgetEvents.ALLOCATION_ADJUSTED,
            BudgetEvents.SPENDING_RECORDED, BudgetEvents.SPENDING_REVERSED);

    /** Checks the query parameters; a malformed one is a 400 naming it. */
    static LedgerFilter of(String villageCode, String programId, String type, String actor, String from, String to) {
        if (type != null && !TYPES.contains(type)) {
            throw ApiProblem.invalid("type", "must be one of " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        return new LedgerFilter(QueryParameters.villageCode("villageCode", villageCode), programId, type, actor,
                QueryParameters.instant("from", from), QueryParameters.instant("to", to));
    }

    /** Narrowed by village only: a page of the village's chain can be read by position. */
    boolean villageOnly() {
        return villageCode != null && programId == null && type == null && actor == null && from == null
                && to == null;
    }

    boolean matches(LedgerEntry entry) {
        return (villageCode == null || villageCode.equals(entry.villageCode()))
                && (programId == null || programId.equals(entry.programId()))
                && (type == null || type.equals(entry.type()))
                && (actor == null || actor.equals(entry.actor()))
                && (from == null || !entry.occurredAt().isBefore(from))
                && (to == null || !entry.occurredAt().isAfter(to));
    }

    /** The same filter as a store query, for a search across villages. */
    Query query() {
        Criteria criteria = new Criteria();
        if (programId != null) {
            criteria = criteria.and("programId").is(programId);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (actor != null) {
            criteria = criteria.and("actor").is(actor);
        }
        if (from != null || to != null) {
            criteria = criteria.and("occurredAt");
            if (from != null) {
                criteria = criteria.gte(from);
            }
            if (to != null) {
                criteria = criteria.lte(to);
            }
        }
        return new Query(criteria);
    }
}
