package id.desadigital.gateway.accountevents;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.account.AccountEvents;
import id.desadigital.contracts.account.AccountStateChanged;

/**
 * What the relay reads of an account: its token state and its latest event, never its password hash. The event is
 * built from the state as stored now, so publishing it again (after a crash, or by the sweep) says the same.
 */
@Document("users")
record AccountEventSource(
        @Id String username,
        Boolean enabled,
        Instant tokensValidFrom,
        @Field(AccountEventOutbox.SEQUENCE) Long sequence,
        @Field(AccountEventOutbox.EVENT_ID) String eventId,
        @Field(AccountEventOutbox.OCCURRED_AT) Instant occurredAt,
        @Field(AccountEventOutbox.ACTOR) String actor) {

    static final String[] FIELDS = {"enabled", "tokensValidFrom", AccountEventOutbox.SEQUENCE,
        AccountEventOutbox.EVENT_ID, AccountEventOutbox.OCCURRED_AT, AccountEventOutbox.ACTOR};

    boolean hasEvent() {
        return sequence != null && eventId != null && occurredAt != null && actor != null;
    }

    /** Null {@code enabled} is an account stored before the field existed: enabled, as the gateway reads it. */
    EventEnvelope<AccountStateChanged> event() {
        return new EventEnvelope<>(eventId, AccountEvents.ACCOUNT_STATE_CHANGED, occurredAt, actor, username, sequence,
                new AccountStateChanged(username, enabled == null || enabled, tokensValidFrom));
    }
}
