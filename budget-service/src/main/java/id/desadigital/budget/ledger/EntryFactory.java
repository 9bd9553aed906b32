package id.desadigital.budget.ledger;

import java.time.Clock;
import java.time.Instant;

import org.bson.Document;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds ledger entries from budget-events payload records. The payload is stored as the JSON the contract
 * defines, so the relay publishes what is stored and a reader of the store sees what consumers see.
 */
@Component
public class EntryFactory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;

    public EntryFactory(Clock clock) {
        this.clock = clock;
    }

    public LedgerEntry entry(String id, String type, String actor, String key, long sequence, String programId,
            String villageCode, Object payload) {
        return new LedgerEntry(id, type, now(), actor, key, sequence, programId, villageCode,
                Document.parse(JSON.writeValueAsString(payload)));
    }

    public Instant now() {
        return clock.instant();
    }
}
