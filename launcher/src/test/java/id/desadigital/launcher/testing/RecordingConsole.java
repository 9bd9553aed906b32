package id.desadigital.launcher.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Stands in for the supervisor's stdout and lets a test read what was printed. */
public final class RecordingConsole {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    public PrintStream stream() {
        return stream;
    }

    public synchronized List<String> lines() {
        synchronized (stream) {
            return bytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }
}
