package id.desadigital.platform.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import id.desadigital.platform.accountevents.AccountStates;
import reactor.core.publisher.Mono;

/**
 * A token is good only while its account is, as far as account-events has told this service: after the signature
 * and claims are checked (or remembered as checked by {@link VerifiedTokens}), every request also asks
 * {@link AccountStates} whether the account is disabled or the token older than its last password change. A refused
 * token is a {@link BadJwtException}, which the resource server answers like any bad token: 401 problem+json.
 * <p>
 * Before account-events has been read to its end the answer is not known, so the request waits a little and then
 * gets a 503 (the token itself may be fine; the service is not ready to tell). A token that fails its own checks is a
 * 401 first, whatever the account states.
 */
final class CurrentAccountTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final AccountStates accounts;

    CurrentAccountTokens(ReactiveJwtDecoder verifier, AccountStates accounts) {
        this.verifier = verifier;
        this.accounts = accounts;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return verifier.decode(token)
                .flatMap(jwt -> accounts.ready().thenReturn(jwt))
                .filter(jwt -> accounts.accepts(jwt.getSubject(), jwt.getIssuedAt()))
                .switchIfEmpty(Mono.error(() -> new BadJwtException(
                        "The token's account is disabled or its password changed after the token was issued")));
    }
}
