package id.desadigital.load.measure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;

/**
 * Clients calling as fast as they are answered, each waiting for its answer before the next call (a closed model:
 * what a village head's phone or an officer's page does), with every successful call's latency recorded.
 */
public final class Phase {

    /** One call; true when it got the answer it expected. */
    @FunctionalInterface
    public interface Call {
        boolean call() throws Exception;
    }

    /** One call on one item of a fixed batch. */
    @FunctionalInterface
    public interface ItemCall<T> {
        boolean call(T item) throws Exception;
    }

    private Phase() {
    }

    /** {@code clients} clients calling for {@code duration}. */
    public static Figures timed(String target, int clients, Duration duration, Call call) {
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        return run(target, clients, started, () -> System.nanoTime() < end ? call : null);
    }

    /** {@code clients} clients sharing {@code items}, each item called once; timed until the last answer. */
    public static <T> Figures each(String target, int clients, List<T> items, ItemCall<T> call) {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        return run(target, clients, System.nanoTime(), () -> {
            T item = queue.poll();
            return item == null ? null : () -> call.call(item);
        });
    }

    private static Figures run(String target, int clients, long started, Supplier<Call> next) {
        Recorder recorder = new Recorder(3);
        LongAdder errors = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                for (Call call = next.get(); call != null; call = next.get()) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.call();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
                    } else {
                        errors.increment();
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Figures(target, seconds, Percentiles.of(recorder.getIntervalHistogram()), errors.sum());
    }
}
