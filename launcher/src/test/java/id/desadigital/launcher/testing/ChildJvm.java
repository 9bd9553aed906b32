package id.desadigital.launcher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test classpath as a separate JVM, the way the supervisor starts its children. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String classpath() {
        return System.getProperty("java.class.path");
    }

    public static List<String> command(Class<?> mainClass) {
        return new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-cp", classpath(), mainClass.getName()));
    }

    /** Starts {@code mainClass} with {@code environment} added to this JVM's; output (both streams) to {@code log}. */
    public static Process start(Class<?> mainClass, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
