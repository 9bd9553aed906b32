package id.desadigital.launcher.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stand-in child for supervisor tests. FAKE_MODE=serve: notes "start NAME" in FAKE_EVENTS, prints a NOTICE
 * line and a NOTICE line with a marked secret, listens on FAKE_PORT until SIGTERM, then notes "stop NAME". FAKE_MODE=crash: prints a line and exits
 * with code 3 at once.
 */
public final class FakeChild {

    public static final int CRASH_EXIT_CODE = 3;
    /** A serving child announces the secret {@code SECRET_PREFIX + name}, marked as the gateway marks its own. */
    public static final String SECRET_PREFIX = "s3cr3t-of-";

    private FakeChild() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getenv("FAKE_NAME");
        if ("crash".equals(System.getenv("FAKE_MODE"))) {
            System.out.println(name + " crashing on purpose");
            System.exit(CRASH_EXIT_CODE);
        }
        Path events = Path.of(System.getenv("FAKE_EVENTS"));
        // Noted before listening: a connectable port is what tells the supervisor (and so the test) it started.
        record(events, "start " + name);
        ServerSocket server = new ServerSocket(Integer.parseInt(System.getenv("FAKE_PORT")), 50,
            InetAddress.getLoopbackAddress());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record(events, "stop " + name)));
        System.out.println("NOTICE " + name + " says hello");
        System.out.println("NOTICE " + name + " password (shown once): [secret]" + SECRET_PREFIX + name + "[/secret]");
        System.out.println(name + " ordinary output line");
        while (true) {
            try (Socket ignored = server.accept()) {
                // readiness probe: accepting is all it checks
            }
        }
    }

    private static void record(Path events, String line) {
        try {
            Files.writeString(events, line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
