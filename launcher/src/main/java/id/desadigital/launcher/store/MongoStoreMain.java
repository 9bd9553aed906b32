package id.desadigital.launcher.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import id.desadigital.launcher.StackEnvironment;

/**
 * The MongoDB wire-protocol store of the local stack: mongo-java-server over one H2 MVStore file at
 * {@code DATA_DIR/mongo/store.mv.db}, listening on MONGO_PORT (27017) on the loopback interface.
 * Acknowledged writes are on disk before the reply (see {@link DurableH2Backend}); SIGTERM closes the file
 * cleanly.
 */
public final class MongoStoreMain {

    private static final Logger log = LoggerFactory.getLogger(MongoStoreMain.class);

    static final String DATA_FILE_NAME = "store.mv.db";

    /**
     * With auto-commit disabled the MVStore no longer compacts in the background, and many small commits
     * leave many sparsely filled chunks. This housekeeping rewrites the live pages of chunks that are less
     * than {@link #TARGET_FILL_RATE_PERCENT} full, at most {@link #COMPACTION_WRITE_LIMIT_BYTES} per round,
     * every {@link #COMPACTION_INTERVAL_SECONDS}; it runs between commands like every commit. Measured with 16
     * writers inserting small documents flat out: about 2.7 KB of file per insert with it, 4 KB and rising
     * without it (the stock backend: about 0.9 KB, but it loses acknowledged writes).
     */
    private static final long COMPACTION_INTERVAL_SECONDS = 5;
    private static final int TARGET_FILL_RATE_PERCENT = 50;
    private static final int COMPACTION_WRITE_LIMIT_BYTES = 32 * 1024 * 1024;

    /** A compaction round in progress at shutdown is let finish; one round rewrites at most 32 MB. */
    private static final long HOUSEKEEPING_STOP_TIMEOUT_SECONDS = 10;

    /** One thread accepts connections; there are only a handful of clients, each with a pool. */
    private static final int ACCEPTOR_THREADS = 1;

    /**
     * Netty worker threads, which also run the commands. A writer waits on its thread for the group commit,
     * so more workers mean more writes sharing each commit; the default (two per core) let only four share.
     */
    private static final int WORKER_THREADS = 16;

    private MongoStoreMain() {
    }

    public static void main(String[] args) throws IOException {
        StackEnvironment environment = StackEnvironment.current();
        Path directory = environment.dataDir().resolve("mongo");
        Files.createDirectories(directory);
        Path dataFile = directory.resolve(DATA_FILE_NAME);

        MVStore store = new MVStore.Builder()
            .fileName(dataFile.toString())
            .autoCommitDisabled()
            .cacheSize(environment.storeCacheMb())
            .open();
        // H2 keeps replaced chunks for 45 s because it assumes the OS may still hold their successors
        // unwritten; every commit here is fsynced (GroupCommit), so they can be reused at once. With a
        // commit per write, keeping them made the file grow by tens of kilobytes per write.
        store.setRetentionTime(0);
        DurableH2Backend backend = new DurableH2Backend(store);
        MongoServer server = new MongoServer(backend);
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-compaction");
            thread.setDaemon(true);
            return thread;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, housekeeping), "store-shutdown"));

        int port = environment.mongoPort();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), ACCEPTOR_THREADS, WORKER_THREADS);
        housekeeping.scheduleWithFixedDelay(() -> backend.maintain(() -> compact(store)),
            COMPACTION_INTERVAL_SECONDS, COMPACTION_INTERVAL_SECONDS, TimeUnit.SECONDS);
        log.info("MongoDB wire-protocol store listening on localhost:{}, data in {}", port, dataFile);
    }

    private static void compact(MVStore store) {
        try {
            if (!store.isClosed() && store.compact(TARGET_FILL_RATE_PERCENT, COMPACTION_WRITE_LIMIT_BYTES)) {
                store.commit();
                // Before the space of the rewritten chunks is reused (retention time 0, see main).
                store.sync();
            }
        } catch (RuntimeException e) {
            // Compaction only reclaims space; the data stays correct without it, so keep serving.
            log.warn("Store compaction failed", e);
        }
    }

    private static void stop(MongoServer server, ScheduledExecutorService housekeeping) {
        log.info("Stopping the store");
        // Not shutdownNow(): interrupting a thread inside MVStore file I/O closes the file channel.
        housekeeping.shutdown();
        try {
            housekeeping.awaitTermination(HOUSEKEEPING_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Stops accepting, lets commands in flight finish (each commits before replying), then closes the
        // backend, which commits and closes the MVStore file.
        server.shutdownNow();
        log.info("Store stopped, data file closed");
    }
}
