package id.desadigital.village.importing;

import java.util.List;

/**
 * One record of a CSV file, or why it could not be read. {@code line} is where the record starts, counted as an
 * editor shows it (the header is line 1); a quoted field may carry the record over several lines.
 */
record CsvRecord(int line, List<String> fields, String error) {

    static CsvRecord of(int line, List<String> fields) {
        return new CsvRecord(line, List.copyOf(fields), null);
    }

    static CsvRecord unreadable(int line, String error) {
        return new CsvRecord(line, List.of(), error);
    }

    boolean readable() {
        return error == null;
    }
}
