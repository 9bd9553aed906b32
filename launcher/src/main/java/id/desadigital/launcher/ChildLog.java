package id.desadigital.launcher;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The log file of one child, {@code DATA_DIR/logs/<name>.log}: the child's output line by line, plus the
 * supervisor's notes about it (start, exit, restart, stop), each flushed at once so {@code tail -f} and a
 * post-mortem see everything. When the file passes {@link #ROTATE_AT_BYTES} it is moved to
 * {@code <name>.log.1} (replacing the previous one), so two files bound the disk used.
 */
final class ChildLog implements AutoCloseable {

    static final long ROTATE_AT_BYTES = 50L * 1024 * 1024;

    private static final String NOTE_PREFIX = "[launcher] ";

    private final Path file;
    private BufferedWriter writer;
    private long size;

    ChildLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + file.getParent(), e);
        }
        open();
    }

    Path file() {
        return file;
    }

    /** A line of the child's own output. */
    synchronized void append(String line) {
        try {
            if (size >= ROTATE_AT_BYTES) {
                rotate();
            }
            writer.write(line);
            writer.newLine();
            writer.flush();
            size += line.length() + 1L;
        } catch (IOException e) {
            // A full disk must not take the child down with it: its output is lost, it keeps running.
            System.err.println("launcher: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A line from the supervisor about this child, timestamped and marked as such. */
    void note(String message) {
        append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS) + " " + NOTE_PREFIX + message);
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            System.err.println("launcher: cannot close " + file + ": " + e.getMessage());
        }
    }

    private void rotate() throws IOException {
        writer.close();
        Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private void open() {
        try {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log file " + file, e);
        }
    }
}
