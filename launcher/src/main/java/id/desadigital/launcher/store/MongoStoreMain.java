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

    /** Page cache of the MVStore; the whole national village list plus a year of ledger fits in it. */
    private static final int CACHE_SIZE_MB = 64;

    /**
     * With auto-commit disabled the MVStore no longer compacts in the background, and committing every
     * write leaves many sparsely filled chunks. This housekeeping rewrites the live pages of chunks that are
     * less than {@link #TARGET_FILL_RATE_PERCENT} full, at most {@link #COMPACTION_WRITE_LIMIT_BYTES} per
     * round, every {@link #COMPACTION_INTERVAL_SECONDS}. Rewriting moves live data only, so it is as safe
     * against a kill as any other commit.
     */
    private static final long COMPACTION_INTERVAL_SECONDS = 30;
    private static final int TARGET_FILL_RATE_PERCENT = 50;
    private static final int COMPACTION_WRITE_LIMIT_BYTES = 16 * 1024 * 1024;

    /** A compaction round in progress at shutdown is let finish; one round rewrites at most 16 MB. */
    private static final long HOUSEKEEPING_STOP_TIMEOUT_SECONDS = 10;

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
            .cacheSize(CACHE_SIZE_MB)
            .open();
        MongoServer server = new MongoServer(new DurableH2Backend(store));
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "store-compaction");
            thread.setDaemon(true);
            return thread;
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, housekeeping), "store-shutdown"));

        int port = environment.mongoPort();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        housekeeping.scheduleWithFixedDelay(() -> compact(store),
            COMPACTION_INTERVAL_SECONDS, COMPACTION_INTERVAL_SECONDS, TimeUnit.SECONDS);
        log.info("MongoDB wire-protocol store listening on localhost:{}, data in {}", port, dataFile);
    }

    private static void compact(MVStore store) {
        try {
            if (!store.isClosed() && store.compact(TARGET_FILL_RATE_PERCENT, COMPACTION_WRITE_LIMIT_BYTES)) {
                store.commit();
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
