package id.desadigital.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the stack's processes, keeps them running and stops them in order.
 * <p>
 * Start: each process starts as soon as the processes it depends on are ready (independent ones start side
 * by side), and {@link #start()} returns once every one is ready. Stop: the reverse of the list, one at a
 * time, so services go before the broker and the broker before the store, and nothing a service still
 * writes on its way down finds its store gone.
 * <p>
 * {@link #main} runs the whole stack as described in API.md "Starting it"; tests hand in their own list.
 */
public final class Supervisor {

    /** Where run.sh says the repository is; the service jars are found relative to it. */
    public static final String HOME_PROPERTY = "desadigital.home";

    private final Map<String, SupervisedProcess> processes = new LinkedHashMap<>();
    private final SupervisorSettings settings;
    private final PrintStream console;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService starters = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "start-process");
        thread.setDaemon(true);
        return thread;
    });

    public Supervisor(List<ProcessSpec> specs, Path logDirectory, SupervisorSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
        Set<String> earlier = new HashSet<>();
        for (ProcessSpec spec : specs) {
            for (String dependency : spec.dependsOn()) {
                if (!earlier.contains(dependency)) {
                    // Stopping runs the list backwards, so a dependency listed later would be stopped first.
                    throw new IllegalArgumentException(spec.name() + " depends on " + dependency
                        + ", which must come earlier in the list");
                }
            }
            if (!earlier.add(spec.name())) {
                throw new IllegalArgumentException("two processes named " + spec.name());
            }
        }
        for (ProcessSpec spec : specs) {
            processes.put(spec.name(), new SupervisedProcess(spec, logDirectory, settings, console));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        StackEnvironment environment = StackEnvironment.current();
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        StackPlan plan = StackPlan.forThisJvm(environment, home);
        Supervisor supervisor;
        try {
            supervisor = new Supervisor(plan.all(), environment.dataDir().resolve("logs"),
                SupervisorSettings.defaults(), System.out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("launcher: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "stop-stack"));
        try {
            supervisor.start();
        } catch (StartupFailure e) {
            System.err.println("launcher: " + e.getMessage() + "; stopping. Logs: " + environment.dataDir().resolve("logs"));
            System.exit(1);
        }
        System.out.println("READY " + plan.gatewayUrl());
        Thread.currentThread().join();
    }

    /**
     * Starts every process and returns once all are ready.
     *
     * @throws StartupFailure when a port is taken, a process is not ready in time, or stop was called
     */
    public void start() throws StartupFailure {
        checkPortsAreFree();
        Instant began = Instant.now();
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        for (SupervisedProcess process : processes.values()) {
            CompletableFuture<?>[] dependencies = process.spec().dependsOn().stream()
                .map(ready::get).toArray(CompletableFuture[]::new);
            ready.put(process.name(), CompletableFuture.allOf(dependencies)
                .thenRunAsync(() -> startAndAwaitReady(process, began), starters));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new));
        // Fail as soon as any one fails instead of after the slowest of the others.
        ready.values().forEach(future -> future.whenComplete((ok, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
            }
        }));
        try {
            all.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while starting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped
                ? wrapped.getCause() : e.getCause();
            if (cause instanceof StartupFailure failure) {
                throw failure;
            }
            throw new StartupFailure("starting failed: " + cause);
        }
        console.println("launcher: all " + processes.size() + " processes ready after " + seconds(began));
    }

    /** Stops every process, last started first; safe to call more than once and from a shutdown hook. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        console.println("launcher: stopping");
        List<SupervisedProcess> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        for (SupervisedProcess process : reversed) {
            try {
                process.stop();
                console.println("launcher: " + process.name() + " stopped");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                console.println("launcher: interrupted while stopping " + process.name());
            }
        }
        starters.shutdownNow();
        console.println("launcher: stopped");
    }

    public Optional<Long> pidOf(String name) {
        return Optional.ofNullable(processes.get(name)).flatMap(SupervisedProcess::pid);
    }

    public int restartsOf(String name) {
        return Optional.ofNullable(processes.get(name)).map(SupervisedProcess::restarts).orElse(0);
    }

    private void startAndAwaitReady(SupervisedProcess process, Instant began) {
        if (stopped.get()) {
            throw new CompletionException(new StartupFailure("stopped while starting"));
        }
        console.println("launcher: starting " + process.name());
        process.start();
        try {
            if (process.awaitReady(settings.readyTimeout())) {
                console.println("launcher: " + process.name() + " ready (" + seconds(began) + " since start)");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String reason = stopped.get() ? "stopped while starting"
            : process.name() + " was not ready within " + settings.readyTimeout().toSeconds() + " s (waited for "
              + process.spec().readiness().description() + ")";
        throw new CompletionException(new StartupFailure(reason));
    }

    private void checkPortsAreFree() throws StartupFailure {
        for (SupervisedProcess process : processes.values()) {
            for (int port : process.spec().ports()) {
                if (TcpPortProbe.isListening(port, TcpPortProbe.DEFAULT_CONNECT_TIMEOUT)) {
                    throw new StartupFailure("port " + port + " for " + process.name()
                        + " is already in use (another instance still running?)");
                }
            }
        }
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    /** The stack could not be brought up; the message says which process and why. */
    public static final class StartupFailure extends Exception {
        public StartupFailure(String message) {
            super(message);
        }
    }
}
