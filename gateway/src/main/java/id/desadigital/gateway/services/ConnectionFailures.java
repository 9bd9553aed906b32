package id.desadigital.gateway.services;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * Which failures of a call to a service instance may be retried on another instance. The rule: a request that
 * never left the gateway may always be sent again; one that may have reached the service only when repeating it
 * cannot change anything (GET, HEAD, OPTIONS). A POST that may have arrived is not repeated here: the budget
 * ledger's writes take an Idempotency-Key, and the client repeats them with the same key.
 */
public final class ConnectionFailures {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private ConnectionFailures() {
    }

    /**
     * No connection was made, so nothing was sent: refused (the instance is down), the connect timed out, or the
     * instance's host name does not resolve (a stopped container under Docker).
     */
    public static boolean neverSent(Throwable failure) {
        return causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class);
    }

    /**
     * Whether a call that failed this way may be tried again on another instance. A response timeout is never
     * retried: the instance may still be working on it (a long import or verification), and a second one would
     * only double the work.
     */
    public static boolean retryable(HttpMethod method, Throwable failure) {
        return neverSent(failure) || (SAFE.contains(method) && causedBy(failure, IOException.class));
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
