package id.desadigital.budget.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 lines for the reports' CSV: fields separated by commas, each line ended by CRLF. */
final class Csv {

    private Csv() {
    }

    static String line(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * Quoted when it holds a comma, quote or line break. A text a spreadsheet would run as a formula (starting with
     * =, +, - or @, as a program name typed by a user may) is prefixed with an apostrophe, as OWASP advises for CSV;
     * numbers are written as they are, so a negative figure stays a number.
     */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
