package id.desadigital.load.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import id.desadigital.load.LoadSettings;
import id.desadigital.load.measure.Figures;
import id.desadigital.load.measure.Phase;

/**
 * The store's own rate for the commands one spending write needs, sent straight through the driver by as many
 * clients as the write load has, on as many account documents as it has allocations and as many of them written
 * as it has heads, in a database of its own that is dropped afterwards: read the allocation's entry,
 * read the account, compare-and-set the account (revision guard, entry into its outbox), insert the entry, take it
 * out of the outbox. What the services add on top is the write path's cost.
 */
final class StoreRate {

    private StoreRate() {
    }

    static Figures measure(LoadSettings settings, int documents, int written) {
        try (MongoClient client = MongoClients.create(settings.mongo())) {
            MongoDatabase database = client.getDatabase("load_store_rate_" + UUID.randomUUID().toString().substring(0, 8));
            try {
                MongoCollection<Document> accounts = database.getCollection("accounts");
                MongoCollection<Document> entries = database.getCollection("entries");
                accounts.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
                accounts.createIndex(Indexes.ascending("unpublished"), new IndexOptions().unique(true).sparse(true));
                List<Document> seed = new ArrayList<>();
                for (int i = 0; i < documents; i++) {
                    seed.add(new Document("_id", "a" + i).append("revision", 0L).append("pending", List.of()));
                }
                accounts.insertMany(seed);
                entries.insertMany(seed.stream().map(account -> new Document("_id", "e" + account.getString("_id")))
                        .toList());
                return Phase.timed("store", settings.concurrency(), Duration.ofSeconds(settings.seconds()),
                        () -> write(accounts, entries, "a" + ThreadLocalRandom.current().nextInt(written)));
            } finally {
                database.drop();
            }
        }
    }

    private static boolean write(MongoCollection<Document> accounts, MongoCollection<Document> entries, String id) {
        entries.find(Filters.eq("_id", "e" + id)).first();
        Document account = accounts.find(Filters.eq("_id", id)).first();
        String entryId = UUID.randomUUID().toString();
        Document entry = new Document("_id", entryId).append("amount", 1L).append("key", id);
        // A plain document, not Filters.and: the driver renders that as $and, which the embedded store answers by
        // scanning the collection instead of using the {_id, revision} index.
        if (accounts.findOneAndUpdate(new Document("_id", id).append("revision", account.getLong("revision")),
                Updates.combine(Updates.inc("revision", 1L), Updates.push("pending", entry),
                        Updates.set("unpublished", id))) == null) {
            return false;
        }
        entries.insertOne(entry);
        accounts.updateOne(Filters.eq("_id", id), Updates.combine(Updates.pull("pending", new Document("_id", entryId)),
                Updates.unset("unpublished")));
        return true;
    }
}
