package id.desadigital.village.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.StringDecoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.util.MimeType;

import reactor.core.publisher.Flux;

/**
 * Reads RFC 4180 CSV as it streams in, one record at a time, so a file of any length never sits whole in memory.
 * Lines are cut by Spring's StringDecoder (which also handles UTF-8 characters split across network buffers); a
 * record continues onto the next line while a quoted field is open; commons-csv then splits the record into fields.
 * A record that cannot be read is reported with its line and reading goes on with the next one.
 */
final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final MimeType CSV_UTF8 = new MimeType("text", "csv", StandardCharsets.UTF_8);

    private final int maxRecordLength;

    CsvReader(int maxRecordLength) {
        this.maxRecordLength = maxRecordLength;
    }

    Flux<CsvRecord> read(Flux<DataBuffer> body) {
        StringDecoder lines = StringDecoder.allMimeTypes(List.of("\n"), true);
        lines.setMaxInMemorySize(maxRecordLength);
        return Flux.defer(() -> {
            RecordAssembler assembler = new RecordAssembler();
            return lines.decode(body, ResolvableType.forClass(String.class), CSV_UTF8, null)
                    .concatMapIterable(assembler::accept)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(assembler.finish())));
        });
    }

    /** Joins physical lines into records; one instance per file being read. */
    private final class RecordAssembler {

        private final StringBuilder pending = new StringBuilder();
        private int lineNumber;
        private int recordStart;
        private boolean insideQuotes;

        List<CsvRecord> accept(String rawLine) {
            lineNumber++;
            String line = stripCarriageReturn(lineNumber == 1 ? stripByteOrderMark(rawLine) : rawLine);
            if (pending.isEmpty()) {
                if (line.isBlank()) {
                    return List.of();
                }
                recordStart = lineNumber;
            } else {
                pending.append('\n');
            }
            pending.append(line);
            insideQuotes ^= (line.chars().filter(c -> c == '"').count() % 2) == 1;
            if (insideQuotes) {
                if (pending.length() > maxRecordLength) {
                    return List.of(reset(CsvRecord.unreadable(recordStart, "a quoted field is never closed")));
                }
                return List.of();
            }
            return List.of(reset(parse(recordStart, pending.toString())));
        }

        List<CsvRecord> finish() {
            return pending.isEmpty() ? List.of()
                    : List.of(reset(CsvRecord.unreadable(recordStart, "a quoted field is never closed")));
        }

        private CsvRecord reset(CsvRecord record) {
            pending.setLength(0);
            insideQuotes = false;
            return record;
        }
    }

    static CsvRecord parse(int line, String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return CsvRecord.unreadable(line, "not one CSV record");
            }
            List<String> fields = new ArrayList<>(records.get(0).size());
            records.get(0).forEach(fields::add);
            return CsvRecord.of(line, fields);
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return CsvRecord.unreadable(line, "not valid CSV: " + e.getMessage());
        }
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
