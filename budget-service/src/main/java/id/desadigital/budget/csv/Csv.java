package id.desadigital.budget.csv;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 lines for every CSV the service writes (the ledger export, the reports): commas, CRLF. */
public final class Csv {

    private Csv() {
    }

    public static String line(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * Quoted when it holds a comma, quote or line break. A text a spreadsheet would run as a formula (starting with
     * =, +, - or @, as a name or reason typed by a user may) is prefixed with an apostrophe, as OWASP advises for CSV;
     * numbers are written as they are, so a negative figure stays a number.
     */
    public static String field(Object value) {
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
