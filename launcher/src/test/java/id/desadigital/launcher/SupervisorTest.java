package id.desadigital.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.desadigital.launcher.testing.ChildJvm;
import id.desadigital.launcher.testing.FakeChild;
import id.desadigital.launcher.testing.RecordingConsole;

/** The supervisor with small stand-in children: start order, restarts with back-off, stop order, logs. */
class SupervisorTest {

    /** Short delays so a test sees several restarts in a second or two. */
    private static final SupervisorSettings FAST = new SupervisorSettings(Duration.ofSeconds(20),
        Duration.ofMillis(50), Duration.ofSeconds(10),
        new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(1)));

    @TempDir
    Path dataDir;

    private final RecordingConsole console = new RecordingConsole();
    private final List<Supervisor> supervisors = new ArrayList<>();

    @AfterEach
    void stopAll() {
        supervisors.forEach(Supervisor::stop);
    }

    @Test
    void startsDependenciesFirstAndStopsInReverseOrder() throws Exception {
        Supervisor supervisor = supervisor(FAST,
            serving("store", Set.of()), serving("broker", Set.of()), serving("app", Set.of("store", "broker")));

        supervisor.start();
        List<String> started = events();
        assertThat(started).hasSize(3).containsOnly("start store", "start broker", "start app");
        assertThat(started.get(2)).isEqualTo("start app");

        supervisor.stop();
        assertThat(events().subList(3, 6)).containsExactly("stop app", "stop broker", "stop store");
        assertThat(console.lines()).containsSubsequence(
            "launcher: app stopped", "launcher: broker stopped", "launcher: store stopped");
    }

    @Test
    void copiesOutputToTheLogAndNoticeLinesToTheConsole() throws Exception {
        Supervisor supervisor = supervisor(FAST, serving("gateway", Set.of()));

        supervisor.start();

        await().untilAsserted(() -> assertThat(log("gateway"))
            .contains("NOTICE gateway says hello", "gateway ordinary output line"));
        assertThat(console.lines()).contains("NOTICE gateway says hello")
            .noneMatch(line -> line.contains("ordinary output line"));
    }

    @Test
    void aSecretANoticeCarriesIsShownOnTheConsoleButNeverWrittenToTheLog() throws Exception {
        Supervisor supervisor = supervisor(FAST, serving("gateway", Set.of()));

        supervisor.start();

        String secret = FakeChild.SECRET_PREFIX + "gateway";
        await().untilAsserted(() -> assertThat(log("gateway")).contains("NOTICE gateway password (shown once): "));
        assertThat(console.lines()).contains("NOTICE gateway password (shown once): " + secret);
        assertThat(log("gateway")).doesNotContain(secret)
            .contains("NOTICE gateway password (shown once): " + SecretSpans.REDACTED);
    }

    @Test
    void restartsAChildThatDiesAndLogsTheRestart() throws Exception {
        Supervisor supervisor = supervisor(FAST, serving("store", Set.of()), serving("app", Set.of("store")));
        supervisor.start();
        long firstPid = supervisor.pidOf("store").orElseThrow();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // kill -9

        await().atMost(Duration.ofSeconds(20)).until(() ->
            supervisor.pidOf("store").filter(pid -> pid != firstPid).isPresent() && events().size() == 3);
        assertThat(events()).containsExactly("start store", "start app", "start store");
        assertThat(supervisor.restartsOf("store")).isEqualTo(1);
        assertThat(console.lines()).anyMatch(line -> line.startsWith("launcher: store exited with code 137 after ")
            && line.endsWith("; restart #1 in 0.1 s"));
        assertThat(log("store")).contains("store exited with code 137").contains("started pid " + firstPid);
    }

    @Test
    void backsOffExponentiallyWhileAChildKeepsCrashing() throws Exception {
        ProcessSpec crashing = new ProcessSpec("crasher", ChildJvm.command(FakeChild.class), dataDir,
            Map.of("FAKE_NAME", "crasher", "FAKE_MODE", "crash"), List.of(), new TcpPortProbe(ChildJvm.freePort()),
            Set.of());
        SupervisedProcess process = new SupervisedProcess(crashing, dataDir.resolve("logs"), FAST, console.stream());

        process.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> process.restarts() >= 4);
        process.stop();

        List<String> delays = console.lines().stream()
            .filter(line -> line.startsWith("launcher: crasher exited with code " + FakeChild.CRASH_EXIT_CODE))
            .map(line -> line.substring(line.lastIndexOf(" in ") + 4))
            .toList();
        assertThat(delays).startsWith("0.1 s", "0.2 s", "0.4 s", "0.4 s");
        assertThat(Files.readString(dataDir.resolve("logs/crasher.log"))).contains("crasher crashing on purpose");
    }

    @Test
    void failsWhenAChildNeverBecomesReady() {
        SupervisorSettings impatient = new SupervisorSettings(Duration.ofSeconds(2), Duration.ofMillis(50),
            Duration.ofSeconds(10), FAST.backoff());
        Supervisor supervisor = supervisor(impatient, new ProcessSpec("crasher", ChildJvm.command(FakeChild.class),
            dataDir, Map.of("FAKE_NAME", "crasher", "FAKE_MODE", "crash"), List.of(),
            new TcpPortProbe(ChildJvm.freePort()), Set.of()));

        assertThatThrownBy(supervisor::start)
            .isInstanceOf(Supervisor.StartupFailure.class)
            .hasMessageContaining("crasher was not ready within 2 s");
    }

    @Test
    void refusesToStartWhenAPortIsAlreadyTaken() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessSpec spec = serving("store", Set.of(), squatter.getLocalPort());
            Supervisor supervisor = supervisor(FAST, spec);

            assertThatThrownBy(supervisor::start)
                .isInstanceOf(Supervisor.StartupFailure.class)
                .hasMessageContaining("port " + squatter.getLocalPort() + " for store is already in use");
        }
        assertThat(events()).isEmpty();
    }

    @Test
    void rejectsADependencyListedAfterItsDependent() {
        assertThatThrownBy(() -> supervisor(FAST, serving("app", Set.of("store")), serving("store", Set.of())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("app depends on store");
    }

    private Supervisor supervisor(SupervisorSettings settings, ProcessSpec... specs) {
        Supervisor supervisor = new Supervisor(List.of(specs), dataDir.resolve("logs"), settings, console.stream());
        supervisors.add(supervisor);
        return supervisor;
    }

    private ProcessSpec serving(String name, Set<String> dependsOn) {
        return serving(name, dependsOn, ChildJvm.freePort());
    }

    private ProcessSpec serving(String name, Set<String> dependsOn, int port) {
        return new ProcessSpec(name, ChildJvm.command(FakeChild.class), dataDir,
            Map.of("FAKE_NAME", name, "FAKE_MODE", "serve", "FAKE_PORT", String.valueOf(port),
                "FAKE_EVENTS", eventsFile().toString()),
            List.of(port), new TcpPortProbe(port), dependsOn);
    }

    private List<String> events() throws IOException {
        return Files.exists(eventsFile()) ? Files.readAllLines(eventsFile()) : List.of();
    }

    private Path eventsFile() {
        return dataDir.resolve("events.txt");
    }

    private String log(String name) throws IOException {
        return Files.readString(dataDir.resolve("logs").resolve(name + ".log"));
    }
}
