package id.desadigital.platform.kafka;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import id.desadigital.contracts.EventCodec;
import tools.jackson.core.JacksonException;

/**
 * The failures that mean a message breaks the event contract and can never be handled, however often it is tried:
 * the error handler dead-letters them at once, and a batch listener that meets one in the middle of a batch knows
 * that skipping it cannot reorder anything (the message will never be applied later).
 */
public final class UnprocessableMessages {

    /** Not JSON, an unknown type, a missing field, or a value the consumer refuses. */
    static final List<Class<? extends Exception>> NEVER_RETRIED = List.of(
            UnprocessableMessageException.class,
            EventCodec.MalformedEventException.class,
            JacksonException.class);

    private UnprocessableMessages() {
    }

    /** True when {@code failure} or one of its causes is one of {@link #NEVER_RETRIED}. */
    public static boolean isUnprocessable(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            Throwable current = cause;
            if (NEVER_RETRIED.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}
