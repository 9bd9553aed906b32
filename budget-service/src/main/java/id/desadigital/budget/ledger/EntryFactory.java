package id.desadigital.budget.ledger;

import java.time.Clock;
import java.time.Instant;

import org.bson.Document;
import org.springframework.stereotype.Component;

import id.desadigital.platform.observability.Traces;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds ledger entries from budget-events payload records, each the next link of its document's chain. The payload
 * is stored as the JSON the contract defines, so the relay publishes what is stored and a reader of the store sees
 * what consumers see. Each entry carries the trace current while it is made: the request's, which
 * {@link CompareAndSet} makes current while deciding for it.
 */
@Component
public class EntryFactory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final Traces traces;

    public EntryFactory(Clock clock, Traces traces) {
        this.clock = clock;
        this.traces = traces;
    }

    /** The entry after {@code chain}'s last one, by the document's own sequence and chain hash. */
    public LedgerEntry next(Outboxed chain, String id, String type, String actor, String programId,
            String villageCode, Object payload) {
        return entry(id, type, actor, chain.id(), chain.sequence(), chain.chainHash(), programId, villageCode, payload);
    }

    /** The first entry of a chain whose document does not exist yet. */
    public LedgerEntry first(String id, String type, String actor, String key, String programId, String villageCode,
            Object payload) {
        return entry(id, type, actor, key, 0, null, programId, villageCode, payload);
    }

    private LedgerEntry entry(String id, String type, String actor, String key, long previousSequence,
            String previousHash, String programId, String villageCode, Object payload) {
        long sequence = previousSequence + 1;
        String prevHash = previousHash == null ? EntryHash.GENESIS : previousHash;
        return new LedgerEntry(id, type, now(), actor, key, sequence, LedgerEntry.link(key, sequence), programId,
                villageCode, Document.parse(JSON.writeValueAsString(payload)), prevHash, null, traces.current())
                .hashed();
    }

    public Instant now() {
        return EntryHash.truncated(clock.instant());
    }
}
