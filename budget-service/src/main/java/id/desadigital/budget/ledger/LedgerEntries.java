package id.desadigital.budget.ledger;

import java.util.List;

import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The {@code ledger_entries} collection: entries land here once, by id, and are never changed. */
@Component
public class LedgerEntries {

    private final ReactiveMongoTemplate mongo;

    public LedgerEntries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<LedgerEntry> find(String id) {
        return mongo.findById(id, LedgerEntry.class);
    }

    /**
     * Stores entries that may be stored already (a relay repeating after a crash): an entry whose id is present
     * is the same entry, so a duplicate key is success.
     */
    public Mono<Void> storeAll(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, LedgerEntry.class);
        bulk.insert(entries);
        return bulk.execute().then().onErrorResume(LedgerEntries::onlyDuplicates, e -> Mono.empty());
    }

    private static boolean onlyDuplicates(Throwable failure) {
        return BulkWriteErrors.of(failure)
                .map(errors -> errors.stream().allMatch(BulkWriteErrors::isDuplicateKey))
                .orElse(false);
    }
}
