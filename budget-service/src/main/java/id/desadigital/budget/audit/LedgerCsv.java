package id.desadigital.budget.audit;

import id.desadigital.budget.csv.Csv;
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
        return Csv.line(row.seq(), row.id(), row.type(), row.occurredAt(), row.actor(), row.programId(),
                row.villageCode(), row.allocationId(), row.spendingId(), row.amount(), row.direction(), row.reason(),
                row.chain(), row.prevHash(), row.hash(), JSON.writeValueAsString(row.payload()));
    }
}
