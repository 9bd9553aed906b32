package id.desadigital.budget.audit;

import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.Accounts;
import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.platform.web.PageOf;
import id.desadigital.platform.web.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger as auditors query it, oldest first. A village's history is its account's chain, read by link (a
 * page costs one indexed read whatever the ledger's size); a search across villages is a store query on
 * {@code ledger_entries}, ordered by time, then chain and place in it.
 */
@Component
class LedgerHistory {

    private static final Sort OLDEST_FIRST = Sort.by("occurredAt", "key", "sequence");

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final Chains chains;

    LedgerHistory(ReactiveMongoTemplate mongo, Accounts accounts, Chains chains) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.chains = chains;
    }

    Mono<PageOf<LedgerRow>> page(LedgerFilter filter, Paging paging) {
        if (filter.villageOnly()) {
            return accounts.find(filter.villageCode())
                    .flatMap(account -> chains.of(account, paging.offset() + 1, paging.offset() + paging.size())
                            .map(LedgerRow::of).collectList()
                            .map(rows -> new PageOf<>(rows, paging.page(), paging.size(), account.sequence())))
                    .defaultIfEmpty(new PageOf<>(List.of(), paging.page(), paging.size(), 0));
        }
        if (filter.villageCode() != null) {
            return villageEntries(filter).map(LedgerRow::of).collectList()
                    .map(rows -> new PageOf<>(rows.stream().skip(paging.offset()).limit(paging.size()).toList(),
                            paging.page(), paging.size(), rows.size()));
        }
        Query query = filter.query();
        return Mono.zip(count(query),
                        mongo.find(Query.of(query).with(OLDEST_FIRST).skip(paging.offset()).limit(paging.size()),
                                LedgerEntry.class).map(LedgerRow::of).collectList())
                .map(found -> new PageOf<>(found.getT2(), paging.page(), paging.size(), found.getT1()));
    }

    /** Every matching row, for an export. */
    Flux<LedgerRow> all(LedgerFilter filter) {
        Flux<LedgerEntry> entries = filter.villageCode() != null ? villageEntries(filter)
                : mongo.find(Query.of(filter.query()).with(OLDEST_FIRST), LedgerEntry.class);
        return entries.map(LedgerRow::of);
    }

    private Flux<LedgerEntry> villageEntries(LedgerFilter filter) {
        return accounts.find(filter.villageCode())
                .flatMapMany(account -> chains.of(account, 1, account.sequence()))
                .filter(filter::matches);
    }

    /** The count command: the embedded store answers countDocuments' aggregation by reading every document. */
    private Mono<Long> count(Query query) {
        var command = new Document("count", LedgerEntry.COLLECTION).append("query", query.getQueryObject());
        return mongo.executeCommand(command).map(reply -> reply.get("n", Number.class).longValue());
    }
}
