package id.desadigital.budget.report;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bson.Document;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.Programs;
import id.desadigital.budget.village.KnownVillages;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the reports' figures come from: the village accounts (allocations and what was spent from them), the
 * service's own view of villages (names and areas), and the programs (names, activity codes, funding sources). Each
 * is read whole for an area, with at most one query per collection, and joined in Java.
 *
 * <p>Never {@code ledger_entries}: it holds every entry ever made (a million nationally) and the embedded store
 * answers any query on it other than by unique key by reading all of them. The accounts already hold the sums the
 * reports need, kept by the same compare-and-set that records each entry, so they agree with the ledger.
 */
@Component
class ReportSources {

    private static final String ALLOCATIONS = "allocations";

    private final ReactiveMongoTemplate mongo;
    private final KnownVillages villages;
    private final Programs programs;

    ReportSources(ReactiveMongoTemplate mongo, KnownVillages villages, Programs programs) {
        this.mongo = mongo;
        this.villages = villages;
        this.programs = programs;
    }

    /**
     * The accounts of the area's villages, only their allocations. An area is an anchored {@code _id} prefix: MongoDB
     * answers it from the {@code _id} index and the embedded store by scanning the index keys, not the documents.
     */
    Flux<AccountFigures> accounts(Area area) {
        Query query = area.code() == null ? new Query() : query(where("_id").regex(area.idPrefixRegex()));
        query.fields().include(ALLOCATIONS);
        return mongo.find(query, AccountFigures.class, VillageAccount.COLLECTION);
    }

    /** The area's villages, their names and their areas' names only. */
    Flux<VillageNames> villages(Area area) {
        return villages.within(area.code(), VillageNames.class);
    }

    /** The provinces with village accounts, in code order: a national export goes through them one at a time. */
    Mono<List<String>> provincesWithAccounts() {
        Query query = new Query();
        query.fields().include("_id");
        return mongo.find(query, Document.class, VillageAccount.COLLECTION)
                .map(account -> account.getString("_id").substring(0, 2))
                .collect(Collectors.toCollection(TreeSet::new))
                .map(List::copyOf);
    }

    /** The year's programs by id (a few hundred at most: a regency or province opens a handful a year). */
    Mono<Map<String, Program>> programs(int fiscalYear) {
        return programs.list(fiscalYear).collectMap(Program::id);
    }

    /** Whether any program has this fiscal year: a year the budget never had is not a year to publish. */
    Mono<Boolean> isBudgeted(int fiscalYear) {
        return programs.list(fiscalYear).hasElements();
    }
}
