package id.desadigital.platform.accountevents;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;

import id.desadigital.contracts.account.AccountStateChanged;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What this service knows of accounts beyond their tokens: per username, the latest state the gateway published on
 * account-events (enabled, tokens valid from). Held in memory only, rebuilt from the compacted topic at every start;
 * an account the topic never named (never disabled, its password never changed, or signed by an external issuer)
 * has nothing against its tokens.
 * <p>
 * Until the topic has been read to its end a revoked token could look good, so until then no token is taken at all:
 * {@link #ready()} waits a little for it and then refuses the request with a 503.
 */
public final class AccountStates {

    /** The state after the event with {@code sequence}; a lower or equal sequence is older news. */
    record State(long sequence, boolean enabled, Instant tokensValidFrom) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Sinks.Empty<Void> caughtUp = Sinks.empty();
    private final Duration requestWait;
    private volatile boolean isCaughtUp;

    public AccountStates(Duration requestWait) {
        this.requestWait = requestWait;
    }

    /**
     * Applies an account's state from its event with {@code sequence}, unless a later (or the same) one was applied:
     * events may come twice or, from a relay that lost a race, late. Returns whether it changed anything.
     */
    public boolean apply(long sequence, AccountStateChanged state) {
        State next = new State(sequence, state.enabled(), state.tokensValidFrom());
        State kept = states.merge(state.username(), next,
                (current, offered) -> offered.sequence() > current.sequence() ? offered : current);
        return kept == next;
    }

    /** Whether a token of {@code username} issued at {@code issuedAt} is still good as far as its account goes. */
    public boolean accepts(String username, Instant issuedAt) {
        State state = username == null ? null : states.get(username);
        if (state == null) {
            return true;
        }
        if (!state.enabled()) {
            return false;
        }
        return state.tokensValidFrom() == null || issuedAt != null && !issuedAt.isBefore(state.tokensValidFrom());
    }

    /** The topic has been read up to where it ended when this service started reading it. */
    void caughtUp() {
        isCaughtUp = true;
        caughtUp.tryEmitEmpty();
    }

    public boolean isCaughtUp() {
        return isCaughtUp;
    }

    /** Blocks up to {@code wait} for the catch-up; for start-up, never on a request thread. */
    boolean awaitCaughtUp(Duration wait) {
        return isCaughtUp || Boolean.TRUE.equals(caughtUp.asMono().thenReturn(true)
                .timeout(wait, Mono.just(false)).block());
    }

    /**
     * Completes once tokens can be checked against every account change published before this service started;
     * after {@code request-wait} without that, fails with a 503 problem saying when to try again.
     */
    public Mono<Void> ready() {
        if (isCaughtUp) {
            return Mono.empty();
        }
        return caughtUp.asMono().timeout(requestWait, Mono.error(() -> notReady()));
    }

    int size() {
        return states.size();
    }

    private ApiProblem notReady() {
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "starting", "Starting",
                "This service has not yet read which accounts are disabled, so it takes no token yet; try again soon");
        problem.getHeaders().set("Retry-After", Long.toString(Math.max(1, requestWait.toSeconds())));
        return problem;
    }
}
