package id.desadigital.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One child process kept alive: started on {@link #start()}, restarted with back-off whenever it dies until
 * {@link #stop()}, its output copied to its {@link ChildLog} with {@code NOTICE } lines also shown on the
 * console. A secret in a line ({@link SecretSpans}) is shown on the console only, never written to the log file.
 * <p>
 * Children run in a session of their own (via {@code setsid}), so a Ctrl-C in the terminal reaches only the
 * supervisor, which then stops them in order; otherwise the terminal would signal all of them at once.
 */
final class SupervisedProcess {

    static final String NOTICE_PREFIX = "NOTICE ";

    /** Output still buffered in the pipe when a child exits is drained for at most this long. */
    private static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private static final Optional<Path> SETSID = findSetsid();

    private static final int MAX_LOGGED_ARGUMENT_LENGTH = 120;

    private final ProcessSpec spec;
    private final SupervisorSettings settings;
    private final PrintStream console;
    private final ChildLog log;
    private final Object lock = new Object();

    private Process current;
    private Thread watcher;
    private boolean stopping;
    private int restarts;

    SupervisedProcess(ProcessSpec spec, Path logDirectory, SupervisorSettings settings, PrintStream console) {
        this.spec = spec;
        this.settings = settings;
        this.console = console;
        this.log = new ChildLog(logDirectory.resolve(spec.name() + ".log"));
    }

    String name() {
        return spec.name();
    }

    ProcessSpec spec() {
        return spec;
    }

    /** Launches the process and keeps it running; returns at once. */
    void start() {
        synchronized (lock) {
            if (watcher != null || stopping) {
                return;
            }
            watcher = new Thread(this::superviseUntilStopped, "supervise-" + spec.name());
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    /**
     * Polls the readiness probe until it answers, the timeout passes, or the process is being stopped.
     *
     * @return whether it became ready
     */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!isStopping()) {
            if (isRunning() && spec.readiness().isReady()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(settings.probeInterval().toMillis());
        }
        return false;
    }

    /**
     * Ends supervision: SIGTERM, up to the stop timeout for the process to exit, then SIGKILL. Returns once
     * the process is gone and its output is in the log.
     */
    void stop() throws InterruptedException {
        Process process;
        Thread supervising;
        synchronized (lock) {
            if (stopping && watcher == null) {
                return;
            }
            stopping = true;
            lock.notifyAll();
            process = current;
            supervising = watcher;
        }
        if (process != null && process.isAlive()) {
            log.note("stopping pid " + process.pid() + " (SIGTERM)");
            // Through the ProcessHandle: Process.destroy() also closes the pipe, and the child's last words
            // (how its shutdown went) would never reach the log.
            process.toHandle().destroy();
            if (!process.waitFor(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.note("still running " + seconds(settings.stopTimeout()) + " after SIGTERM; killing it (SIGKILL)");
                console.println("launcher: " + spec.name() + " did not stop within "
                    + seconds(settings.stopTimeout()) + "; killed");
                process.toHandle().destroyForcibly();
                process.waitFor();
            }
        }
        if (supervising != null) {
            supervising.join();
        }
        if (process != null) {
            log.note("stopped (exit code " + process.exitValue() + ")");
        }
        synchronized (lock) {
            watcher = null;
        }
        log.close();
    }

    Optional<Long> pid() {
        synchronized (lock) {
            return current != null && current.isAlive() ? Optional.of(current.pid()) : Optional.empty();
        }
    }

    int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    private boolean isStopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    private boolean isRunning() {
        return pid().isPresent();
    }

    private void superviseUntilStopped() {
        int consecutiveFailures = 0;
        while (true) {
            Instant startedAt = Instant.now();
            Optional<Integer> exitCode = runOnce();
            if (isStopping()) {
                return;
            }
            Duration uptime = Duration.between(startedAt, Instant.now());
            consecutiveFailures = settings.backoff().wasStable(uptime) ? 1 : consecutiveFailures + 1;
            Duration delay = settings.backoff().delayBefore(consecutiveFailures);
            String message = spec.name() + exitCode.map(code -> " exited with code " + code).orElse(" could not start")
                + " after " + seconds(uptime) + "; restart #" + (restarts() + 1) + " in " + seconds(delay);
            log.note(message);
            console.println("launcher: " + message);
            if (!waitUnlessStopping(delay)) {
                return;
            }
            synchronized (lock) {
                restarts++;
            }
        }
    }

    /** Runs one instance to its end; empty when it could not even be launched. */
    private Optional<Integer> runOnce() {
        Process process;
        synchronized (lock) {
            if (stopping) {
                return Optional.empty();
            }
            try {
                process = launch();
            } catch (IOException e) {
                log.note("cannot launch " + spec.command() + ": " + e.getMessage());
                return Optional.empty();
            }
            current = process;
        }
        log.note("started pid " + process.pid() + ": " + printable(spec.command()));
        Thread pump = new Thread(() -> copyOutput(process), "output-" + spec.name());
        pump.setDaemon(true);
        pump.start();
        try {
            int exitCode = process.waitFor();
            pump.join(OUTPUT_DRAIN_TIMEOUT.toMillis());
            return Optional.of(exitCode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Process launch() throws IOException {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(spec.workingDirectory().toFile())
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(spec.environment());
        Process process = builder.start();
        // Children never read stdin; closing it stops them from waiting on the supervisor's terminal.
        process.getOutputStream().close();
        return process;
    }

    private void copyOutput(Process process) {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.append(SecretSpans.redact(line));
                if (line.startsWith(NOTICE_PREFIX)) {
                    console.println(SecretSpans.reveal(line));
                }
            }
        } catch (IOException e) {
            log.note("output of pid " + process.pid() + " ended: " + e.getMessage());
        }
    }

    /** @return false when stopping began during the wait */
    private boolean waitUnlessStopping(Duration delay) {
        Instant until = Instant.now().plus(delay);
        synchronized (lock) {
            try {
                while (!stopping) {
                    long remaining = Duration.between(Instant.now(), until).toMillis();
                    if (remaining <= 0) {
                        return true;
                    }
                    lock.wait(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** The command line with long arguments (a classpath) shortened, so the note stays one readable line. */
    private static String printable(List<String> command) {
        return command.stream()
            .map(argument -> argument.length() <= MAX_LOGGED_ARGUMENT_LENGTH ? argument
                : argument.substring(0, MAX_LOGGED_ARGUMENT_LENGTH) + "...")
            .collect(Collectors.joining(" "));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static Optional<Path> findSetsid() {
        return List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).stream()
            .filter(Files::isExecutable)
            .findFirst();
    }
}
