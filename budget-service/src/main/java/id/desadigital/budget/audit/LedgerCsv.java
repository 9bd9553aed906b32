package id.desadigital.budget.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ledger rows as RFC 4180 CSV: a header, then one line per entry with the JSON rows' fields in their order, the
 * payload as its JSON text.
 */
final class LedgerCsv {

    static final String HEADER = "seq,id,type,occurredAt,actor,programId,villageCode,allocationId,spendingId,amount,"
            + "direction,reason,chain,prevHash,hash,payload\r\n";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerCsv() {
    }

    static String line(LedgerRow row) {
        return Stream.of(row.seq(), row.id(), row.type(), row.occurredAt(), row.actor(), row.programId(),
                        row.villageCode(), row.allocationId(), row.spendingId(), row.amount(), row.direction(),
                        row.reason(), row.chain(), row.prevHash(), row.hash(), JSON.writeValueAsString(row.payload()))
                .map(LedgerCsv::field)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    /**
     * Quoted when it holds a comma, quote or line break; a text a spreadsheet would run as a formula (starting with
     * =, +, - or @, as a reason typed by a user may) is prefixed with an apostrophe, as OWASP advises for CSV.
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
