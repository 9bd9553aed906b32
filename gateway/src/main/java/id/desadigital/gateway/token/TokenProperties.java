package id.desadigital.gateway.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer   the {@code iss} of every token; the services refuse tokens from another issuer
 * @param audience the {@code aud} of every token; the gateway and the services refuse tokens not meant for it, so a
 *                 token an OIDC issuer made for another application cannot be replayed here
 * @param tokenTtl how long a token is valid after sign-in
 * @param rememberedTokens  how many verified tokens are remembered, so that a session's next requests skip the
 *                          signature check
 * @param rememberTokensFor how long a verified token is remembered (never past its expiry)
 * @param userStatusCacheTtl  how long this instance trusts what it read of an account (disabled, tokens valid from)
 *                            before reading it again; a change made on this instance takes effect at once, one made
 *                            on another instance within this time
 * @param userStatusCacheSize how many accounts' status this instance keeps at most
 */
@ConfigurationProperties("desa.security")
public record TokenProperties(String issuer, String audience, Duration tokenTtl,
        @DefaultValue("10000") long rememberedTokens, @DefaultValue("5m") Duration rememberTokensFor,
        @DefaultValue("5s") Duration userStatusCacheTtl, @DefaultValue("10000") long userStatusCacheSize) {
}
