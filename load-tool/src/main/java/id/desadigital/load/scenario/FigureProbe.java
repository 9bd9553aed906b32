package id.desadigital.load.scenario;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;

import id.desadigital.load.LoadSettings;
import id.desadigital.load.measure.Percentiles;
import id.desadigital.load.stack.Api;
import tools.jackson.databind.JsonNode;

/**
 * The lag a reader of village-service sees: one village head spends Rp 1 every 200 ms while the load runs, and after
 * each acknowledged spend the probe reads the village from village-service until its figure for the year shows it.
 * Only the probe spends from its allocation, so the figure it waits for is exact.
 */
final class FigureProbe {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Api api;
    private final LoadSettings settings;
    private final SpendingPeak.Spender probe;
    private final String target;
    private final String admin;
    private final Recorder lags = new Recorder(3);
    private final Thread thread;
    private volatile boolean running = true;

    FigureProbe(Api api, LoadSettings settings, SpendingPeak.Spender probe, String target, String admin) {
        this.api = api;
        this.settings = settings;
        this.probe = probe;
        this.target = target;
        this.admin = admin;
        this.thread = new Thread(this::probe, "figure-probe");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Percentiles stop() throws InterruptedException {
        running = false;
        thread.join(GIVE_UP_NANOS / 1_000_000 + 5_000);
        return Percentiles.of(lags.getIntervalHistogram());
    }

    private void probe() {
        long expected = spent();
        while (running) {
            long next = System.nanoTime() + INTERVAL_NANOS;
            if (SpendingPeak.spend(api, target, probe, settings.fiscalYear()).status() == 201) {
                long acknowledged = System.nanoTime();
                expected++;
                while (spent() < expected && System.nanoTime() - acknowledged < GIVE_UP_NANOS) {
                    LockSupport.parkNanos(POLL_NANOS);
                }
                lags.recordValue(Math.max(1, (System.nanoTime() - acknowledged) / 1_000));
            }
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    private long spent() {
        Api.Answer village = api.get(admin, settings.village() + "/api/villages/" + probe.villageCode());
        for (JsonNode year : village.body().path("budget")) {
            if (year.path("fiscalYear").asInt() == settings.fiscalYear()) {
                return year.path("spent").asLong();
            }
        }
        return 0;
    }
}
