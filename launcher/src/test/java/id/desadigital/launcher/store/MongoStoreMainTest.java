package id.desadigital.launcher.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import id.desadigital.launcher.testing.ChildJvm;

/** The store as its own OS process: what a client saw acknowledged is there after a kill -9 and a restart. */
class MongoStoreMainTest {

    /** Enough writes to span well over a second at the measured commit-per-write rate. */
    private static final int ACKNOWLEDGED_WRITES_BEFORE_KILL = 2_000;
    private static final int WRITER_THREADS = 8;
    private static final Duration STORE_START_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private final int port = ChildJvm.freePort();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9() throws Exception {
        Process store = startStore();
        ConcurrentLinkedQueue<String> acknowledgedIds = new ConcurrentLinkedQueue<>();
        AtomicLong acknowledgedIncrements = new AtomicLong();
        long began;
        List<Thread> writers = new ArrayList<>();
        try (MongoClient client = client()) {
            MongoCollection<Document> documents = client.getDatabase("durability").getCollection("documents");
            MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
            counters.insertOne(new Document("_id", "counter").append("value", 0L));
            began = System.nanoTime();
            for (int t = 0; t < WRITER_THREADS; t++) {
                int thread = t;
                writers.add(startThread(() -> {
                    for (int i = 0; ; i++) {
                        String id = thread + "-" + i;
                        try {
                            if (thread == 0) {
                                counters.updateOne(Filters.eq("_id", "counter"), Updates.inc("value", 1L));
                                acknowledgedIncrements.incrementAndGet();
                            } else {
                                documents.insertOne(new Document("_id", id).append("village", "35.07.12.2001")
                                    .append("amount", 1_000_000L + i));
                                acknowledgedIds.add(id);
                            }
                        } catch (RuntimeException storeGone) {
                            return;
                        }
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(60))
                .until(() -> acknowledgedIds.size() >= ACKNOWLEDGED_WRITES_BEFORE_KILL);
            store.destroyForcibly(); // SIGKILL on Linux
            assertThat(store.waitFor(10, TimeUnit.SECONDS)).isTrue();
            for (Thread writer : writers) {
                writer.join();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Set<String> acknowledged = new HashSet<>(acknowledgedIds);

        startStore();
        try (MongoClient client = client()) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("durability").getCollection("documents").find()
                .forEach(document -> stored.add(document.getString("_id")));
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            long counter = client.getDatabase("durability").getCollection("counters")
                .find(Filters.eq("_id", "counter")).first().getLong("value");
            System.out.printf("durability: %d acknowledged inserts and %d increments in %.2f s before kill -9"
                    + " (%.0f writes/s, %d writer threads); missing after restart: %d%n",
                acknowledged.size(), acknowledgedIncrements.get(), seconds,
                (acknowledged.size() + acknowledgedIncrements.get()) / seconds, WRITER_THREADS, missing.size());
            assertThat(missing).isEmpty();
            // At most one increment was in flight when the store died: stored, but never acknowledged.
            assertThat(counter).isBetween(acknowledgedIncrements.get(), acknowledgedIncrements.get() + 1);
        }
    }

    @Test
    void dataAndUniqueIndexesSurviveACleanRestart() throws Exception {
        Process store = startStore();
        try (MongoClient client = client()) {
            MongoCollection<Document> villages = client.getDatabase("village").getCollection("villages");
            villages.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            villages.insertOne(new Document("code", "35.07.12.2001").append("name", "Sukoanyar"));
            villages.insertOne(new Document("code", "35.07.12.2002").append("name", "Pakis"));
        }
        store.destroy(); // SIGTERM
        assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();

        startStore();
        try (MongoClient client = client()) {
            MongoCollection<Document> villages = client.getDatabase("village").getCollection("villages");
            Document pakis = villages.find(Filters.eq("code", "35.07.12.2002")).first();
            assertThat(pakis).isNotNull();
            assertThat(pakis.getString("name")).isEqualTo("Pakis");
            assertThat(villages.countDocuments()).isEqualTo(2);
            assertThatThrownBy(() -> villages.insertOne(new Document("code", "35.07.12.2001")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }
    }

    private static Thread startThread(Runnable work) {
        Thread thread = new Thread(work, "writer");
        thread.start();
        return thread;
    }

    @Test
    void answersTheHelloHandshakeThatHealthChecksSend() {
        startStore();
        try (MongoClient client = client()) {
            Document hello = client.getDatabase("village").runCommand(new Document("hello", 1));
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
            assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }

    private Process startStore() {
        Process store = ChildJvm.start(MongoStoreMain.class,
            Map.of("MONGO_PORT", String.valueOf(port), "DATA_DIR", dataDir.toString()),
            dataDir.resolve("store-output.log"));
        started.add(store);
        try (MongoClient client = client()) {
            await().atMost(STORE_START_TIMEOUT).ignoreExceptions()
                .until(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)) != null);
        }
        return store;
    }

    private MongoClient client() {
        // No retries: a write the store never answered must count as not acknowledged.
        return MongoClients.create("mongodb://localhost:" + port
            + "/?retryWrites=false&retryReads=false&serverSelectionTimeoutMS=2000&connectTimeoutMS=2000");
    }
}
