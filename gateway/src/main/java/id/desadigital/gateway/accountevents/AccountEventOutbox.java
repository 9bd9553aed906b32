package id.desadigital.gateway.accountevents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.mongodb.core.query.Update;

/**
 * The outbox of account events lives in the account's own document: the update that changes a password or the
 * status also counts the account's event {@link #SEQUENCE}, names the event and sets {@link #PENDING}, all in one
 * single-document update, so a change is never stored without its event or the other way round (the store has no
 * multi-document transactions to lean on). {@link AccountEventRelay} publishes and clears {@link #PENDING}.
 */
public final class AccountEventOutbox {

    /** Counts the account's events from 1; what a service compares to drop an older or repeated one. */
    static final String SEQUENCE = "accountEventSequence";
    static final String EVENT_ID = "accountEventId";
    static final String OCCURRED_AT = "accountEventAt";
    static final String ACTOR = "accountEventBy";
    /**
     * The username while the latest event is not on Kafka, absent otherwise: one value per document under a unique
     * sparse index, which holds only the pending accounts and which the embedded store (it keeps only unique
     * indexes) can serve too.
     */
    static final String PENDING = "accountEventPending";

    private AccountEventOutbox() {
    }

    /** Adds the next event of {@code username} to {@code update}, which changes the account's token state. */
    public static Update withEvent(Update update, String username, String actor, Instant at) {
        return update.inc(SEQUENCE, 1)
                .set(EVENT_ID, UUID.randomUUID().toString())
                // The store keeps milliseconds; the event says what the store says.
                .set(OCCURRED_AT, at.truncatedTo(ChronoUnit.MILLIS))
                .set(ACTOR, actor)
                .set(PENDING, username);
    }
}
