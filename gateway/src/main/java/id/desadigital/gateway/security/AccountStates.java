package id.desadigital.gateway.security;

import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import id.desadigital.gateway.token.TokenProperties;
import id.desadigital.gateway.user.AccountChanged;
import id.desadigital.gateway.user.TokenValidity;
import id.desadigital.gateway.user.UserAccount;
import id.desadigital.gateway.user.UserStore;
import reactor.core.publisher.Mono;

/**
 * What the gateway must know of an account on every request, beyond the token itself: whether it is enabled and
 * from when its tokens are valid. Kept for {@code user-status-cache-ttl} so that a request costs no store read;
 * forgotten at once when this instance changes the account ({@link AccountChanged}), so a change made here takes
 * effect with the next request, one made on another instance within the TTL.
 */
@Component
public class AccountStates {

    private final UserStore users;
    private final Cache<String, State> states;

    public AccountStates(UserStore users, TokenProperties properties) {
        this.users = users;
        this.states = Caffeine.newBuilder()
                .expireAfterWrite(properties.userStatusCacheTtl())
                .maximumSize(properties.userStatusCacheSize())
                .build();
    }

    /** Whether a token of {@code username} issued at {@code issuedAt} is still good. */
    public Mono<Boolean> accepts(String username, Instant issuedAt) {
        if (username == null) {
            return Mono.just(false);
        }
        State known = states.getIfPresent(username);
        Mono<State> state = known != null
                ? Mono.just(known)
                : users.find(username)
                        .map(State::of)
                        .defaultIfEmpty(State.UNKNOWN)
                        .doOnNext(read -> states.put(username, read));
        return state.map(current -> current.accepts(issuedAt));
    }

    @EventListener
    public void onAccountChanged(AccountChanged changed) {
        states.invalidate(changed.username());
    }

    /** An account as far as its tokens are concerned; an unknown username accepts none. */
    private record State(boolean exists, boolean enabled, Instant tokensValidFrom) {

        static final State UNKNOWN = new State(false, false, null);

        static State of(UserAccount account) {
            return new State(true, account.mayUseTokens(), account.tokensValidFrom());
        }

        boolean accepts(Instant issuedAt) {
            return exists && enabled && TokenValidity.accepts(tokensValidFrom, issuedAt);
        }
    }
}
