package id.desadigital.load.scenario;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import id.desadigital.load.LoadSettings;
import id.desadigital.load.stack.Api;
import id.desadigital.load.stack.Stack;

/** What the scenarios of one run share: the settings, the API, the stack's users and its villages. */
public final class Context {

    /** Setup calls at once: enough to keep the stack busy without queueing behind the measured phases. */
    private static final int SETUP_CLIENTS = 16;

    private final LoadSettings settings;
    private final Api api;
    private final Stack stack;
    private String officer;
    private List<String> villages = List.of();

    public Context(LoadSettings settings, Api api, Stack stack) {
        this.settings = settings;
        this.api = api;
        this.stack = stack;
    }

    public LoadSettings settings() {
        return settings;
    }

    public Api api() {
        return api;
    }

    public Stack stack() {
        return stack;
    }

    /** Where the ledger is written and read: directly at budget-service, then through the gateway. */
    public List<Target> ledgerTargets() {
        return List.of(new Target("direct", settings.budget()), new Target("gateway", settings.gateway()));
    }

    /** The run's finance officer, created on first use. */
    public synchronized String officer() {
        if (officer == null) {
            officer = stack.user("keuangan", "FINANCE_OFFICER", null);
        }
        return officer;
    }

    /** The first {@code count} active villages; every scenario of a run works on the same ones. */
    public synchronized List<String> villages(int count) {
        if (villages.size() < count) {
            villages = List.copyOf(stack.activeVillages(count));
        }
        return villages.subList(0, count);
    }

    /** A program of the tool's fiscal year; its id. */
    public String program(String name, long ceiling) {
        return api.created(officer(), settings.budget() + "/api/budget/programs", Map.of("fiscalYear",
                settings.fiscalYear(), "name", name + " " + stack.run(), "ceiling", ceiling, "fundingSource", "PBK",
                "activityCode", "1.4.08")).path("id").asString();
    }

    /** Runs {@code work} on every item with a few threads, for setup; the first failure stops the run. */
    public static <T> void parallel(List<T> items, Consumer<T> work) {
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_CLIENTS);
        try {
            List<Future<?>> done = items.stream().<Future<?>>map(item -> pool.submit(() -> work.accept(item))).toList();
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("setup failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A named base URL a phase runs against. */
    public record Target(String name, String url) {
    }
}
