package id.desadigital.gateway.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer   the {@code iss} of every token; the services refuse tokens from another issuer
 * @param tokenTtl how long a token is valid after sign-in
 * @param rememberedTokens  how many verified tokens are remembered, so that a session's next requests skip the
 *                          signature check
 * @param rememberTokensFor how long a verified token is remembered (never past its expiry)
 */
@ConfigurationProperties("desa.security")
public record TokenProperties(String issuer, Duration tokenTtl, @DefaultValue("10000") long rememberedTokens,
        @DefaultValue("5m") Duration rememberTokensFor) {
}
