package id.desadigital.launcher.store.bench;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * How the order of ids decides the store's insert rate in a large collection: ledger-like documents of about 1 KB
 * with random UUIDs or time-first ids, with or without a unique {@code link} index scattered by village as the
 * ledger's is. Loads {@code bench.preload} documents in batches, then inserts one document per command from
 * {@code bench.clients} clients for {@code bench.seconds}. Not a test: run it against a bare store on an empty data
 * directory, as docs/performance.md says, once per {@code bench.ids} (random, ordered) and {@code bench.link}.
 */
public final class KeyOrderBenchmark {

    private static final int BATCH = 2_000;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String uri = System.getProperty("bench.mongo", "mongodb://localhost:27099");
    private final boolean orderedIds = "ordered".equals(System.getProperty("bench.ids", "random"));
    private final boolean linkIndex = Boolean.parseBoolean(System.getProperty("bench.link", "true"));
    private final int preload = Integer.getInteger("bench.preload", 200_000);
    private final int clients = Integer.getInteger("bench.clients", 16);
    private final int seconds = Integer.getInteger("bench.seconds", 20);

    public static void main(String[] args) throws InterruptedException {
        new KeyOrderBenchmark().measure();
    }

    private void measure() throws InterruptedException {
        String label = (orderedIds ? "time-ordered ids" : "random ids") + (linkIndex ? ", link index" : ", no link index");
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> entries = client.getDatabase("bench").getCollection("entries");
            if (linkIndex) {
                entries.createIndex(Indexes.ascending("link"), new IndexOptions().unique(true));
            }
            Random random = new Random(1);
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < preload; i++) {
                batch.add(entry(random));
                if (batch.size() == BATCH) {
                    entries.insertMany(batch);
                    batch.clear();
                }
            }
            System.out.printf("%s: %,d documents loaded in %.0f s%n", label, preload,
                    (System.nanoTime() - start) / 1e9);

            LongAdder inserted = new LongAdder();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    Random own = new Random();
                    while (System.nanoTime() < end) {
                        entries.insertOne(entry(own));
                        inserted.increment();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
            System.out.printf("%s: %,d single inserts/s with %d clients at %,d documents%n", label,
                    inserted.sum() / seconds, clients, preload);
        }
    }

    private Document entry(Random random) {
        String village = String.format("%02d.%02d.%02d.%04d", 11 + random.nextInt(80), random.nextInt(30),
                random.nextInt(40), random.nextInt(10_000));
        long sequence = SEQUENCE.incrementAndGet();
        // Time first, as a UUID version 7 or a MongoDB ObjectId is.
        String id = orderedIds ? String.format("%012x-%012x", System.currentTimeMillis(), sequence)
                : UUID.randomUUID().toString();
        Document entry = new Document("_id", id).append("type", "SPENDING_RECORDED").append("occurredAt", new Date())
                .append("actor", "kades-" + village).append("key", village).append("sequence", sequence)
                .append("villageCode", village).append("programId", UUID.randomUUID().toString())
                .append("payload", new Document("amount", 1_500_000L).append("category", "HARDWARE")
                        .append("description", "Laptop untuk pelayanan desa, dibeli dari toko setempat")
                        .append("vendor", "CV Sinar Jaya").append("receiptNo", "R-" + sequence))
                .append("prevHash", hex(random)).append("hash", hex(random));
        if (linkIndex) {
            entry.append("link", village + "/" + sequence);
        }
        return entry;
    }

    private static String hex(Random random) {
        return String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong());
    }
}
