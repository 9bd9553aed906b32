package id.desadigital.system.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole stack as {@code ./run.sh} starts it: the launcher's jar with the store, the broker and the three services
 * as its children, on free ports and a fresh data directory under {@code target/}. One stack serves every test class
 * of a run ({@link StackExtension}); it is stopped the way an operator stops it, with SIGTERM.
 */
public final class RunningStack implements AutoCloseable {

    /** The launcher gives itself three minutes for every process to answer; a cold machine needs most of it. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    public static final String ADMIN_PASSWORD = "system-tests-admin-1";

    private final Process launcher;
    private final Path output;
    private final Path dataDir;
    private final Map<String, Integer> ports;

    private RunningStack(Process launcher, Path output, Path dataDir, Map<String, Integer> ports) {
        this.launcher = launcher;
        this.output = output;
        this.dataDir = dataDir;
        this.ports = ports;
    }

    static RunningStack start() {
        return start(Map.of());
    }

    /**
     * A stack of its own, for a test that must not share one ({@code settings}: environment variables of README's
     * Configuration on top of the usual ones); the caller closes it.
     */
    public static RunningStack start(Map<String, String> settings) {
        Path home = Path.of(System.getProperty("desadigital.home", "..")).toAbsolutePath().normalize();
        Path jar = home.resolve("launcher/target/launcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the system tests through `./mvnw verify`");
        }
        try {
            Path work = Files.createDirectories(home.resolve("system-tests/target/stack"));
            Path dataDir = Files.createTempDirectory(work, "data-");
            Path output = dataDir.resolveSibling(dataDir.getFileName() + ".out");
            Map<String, Integer> ports = Map.of("GATEWAY_PORT", freePort(), "VILLAGE_PORT", freePort(),
                    "BUDGET_PORT", freePort(), "KAFKA_PORT", freePort(), "KAFKA_CONTROLLER_PORT", freePort(),
                    "MONGO_PORT", freePort());
            ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx64m", "-XX:+UseSerialGC",
                    "-Ddesadigital.home=" + home, "-jar", jar.toString()))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.equals("KAFKA_BOOTSTRAP_SERVERS") || name.equals("MONGODB_URI"));
            ports.forEach((name, port) -> environment.put(name, Integer.toString(port)));
            environment.put("DATA_DIR", dataDir.toString());
            environment.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            // The matrix sends a few hundred requests per user as fast as the stack answers; rate limiting has its
            // own tests in the gateway.
            environment.put("RATE_LIMIT_RPS", "0");
            environment.putAll(settings);
            RunningStack stack = new RunningStack(builder.start(), output, dataDir, ports);
            stack.awaitReady();
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String gateway() {
        return "http://localhost:" + ports.get("GATEWAY_PORT");
    }

    public String villageService() {
        return "http://localhost:" + ports.get("VILLAGE_PORT");
    }

    public String budgetService() {
        return "http://localhost:" + ports.get("BUDGET_PORT");
    }

    public String kafkaBootstrap() {
        return "localhost:" + ports.get("KAFKA_PORT");
    }

    public String mongoUri() {
        return "mongodb://localhost:" + ports.get("MONGO_PORT");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the launcher's children write their logs ({@code DATA_DIR/logs/<process>.log}). */
    public Path logs() {
        return dataDir.resolve("logs");
    }

    /** The processes the launcher runs now: its children (store, broker, services) and any of theirs. */
    public Stream<ProcessHandle> processes() {
        return launcher.descendants();
    }

    private void awaitReady() {
        try {
            await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!launcher.isAlive()) {
                    throw new IllegalStateException("The launcher exited with " + launcher.exitValue() + ":\n"
                            + printed());
                }
                return printed().lines().anyMatch(line -> line.startsWith("READY "));
            });
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException("The stack was not READY within " + READY_TIMEOUT + ":\n" + printed(), e);
        }
    }

    /** What the launcher printed so far (its own lines and its children's). */
    public String printed() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        launcher.destroy();
        try {
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
