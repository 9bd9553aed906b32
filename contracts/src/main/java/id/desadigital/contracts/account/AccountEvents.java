package id.desadigital.contracts.account;

import java.util.Map;

import id.desadigital.contracts.EventCodec;

/**
 * The event types on {@code account-events}, keyed by username and published by the gateway. The topic is
 * compacted: each message carries the account's whole token state, and a consumer keeps, per username, the message
 * with the highest {@code sequence}. Their schemas are in schemas/account-events.
 */
public final class AccountEvents {

    public static final String ACCOUNT_STATE_CHANGED = "AccountStateChanged";

    public static final Map<String, Class<?>> PAYLOAD_TYPES = Map.of(
            ACCOUNT_STATE_CHANGED, AccountStateChanged.class);

    private AccountEvents() {
    }

    public static EventCodec codec() {
        return new EventCodec(PAYLOAD_TYPES);
    }
}
