package id.desadigital.platform.observability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.util.StringUtils;

import reactor.core.publisher.Mono;

/**
 * Lets a request through when it carries {@code Authorization: Bearer <metrics token>}. A static credential rather
 * than a user's token: a Prometheus server cannot sign in, and its credential opens the metrics only. Compared as
 * digests in constant time, so neither the token nor its length leaks through the time a refusal takes.
 */
public final class ScrapeCredential implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Below this a static credential could be guessed; start-up refuses it. */
    static final int MIN_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    /** @param token the configured token; blank refuses every request */
    public ScrapeCredential(String token) {
        if (StringUtils.hasText(token) && token.length() < MIN_LENGTH) {
            throw new IllegalStateException("desa.observability.metrics-token (METRICS_TOKEN) must have at least "
                    + MIN_LENGTH + " characters");
        }
        this.expected = StringUtils.hasText(token) ? digest(token) : null;
    }

    public boolean configured() {
        return expected != null;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return Mono.just(new AuthorizationDecision(accepts(
                context.getExchange().getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))));
    }

    boolean accepts(String authorization) {
        if (expected == null || authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(authorization.substring(BEARER.length())));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
