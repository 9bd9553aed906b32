package id.desadigital.gateway.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * A token is good only while its account is: after the signature and claims are checked (or remembered as checked
 * by {@link VerifiedTokens}), every request also asks {@link AccountStates} whether the account is enabled and the
 * token not issued before the last password change. This runs on every request, remembered token or not; a refused
 * one is a {@link BadJwtException}, which the resource server answers with 401 {@code invalid_token}.
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
                .filterWhen(jwt -> accounts.accepts(jwt.getSubject(), jwt.getIssuedAt()))
                .switchIfEmpty(Mono.error(() -> new BadJwtException(
                        "The token's account is disabled or its password changed after the token was issued")));
    }
}
