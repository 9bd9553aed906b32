package id.desadigital.budget.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * UTF-8 text compressed as it is appended, in memory. The fastest level: a CSV of codes and figures still shrinks
 * about twentyfold, at a fraction of the CPU of the default level.
 */
final class GzippedText {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final GZIPOutputStream gzip;

    private GzippedText() {
        try {
            gzip = new GZIPOutputStream(bytes, 64 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GzippedText startingWith(String text) {
        return new GzippedText().append(text);
    }

    GzippedText append(String text) {
        try {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] finish() {
        try {
            gzip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
