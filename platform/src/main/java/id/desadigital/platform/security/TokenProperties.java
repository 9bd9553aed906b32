package id.desadigital.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service finds the keys that sign tokens. {@code publicKey} (an RSA public key in PEM) wins when set, which
 * tests and air-gapped installs use; otherwise keys come from {@code jwkSetUri}, the gateway's
 * /.well-known/jwks.json or any OIDC issuer's. Tokens whose {@code iss} differs from {@code issuer} are refused.
 *
 * @param audience           what a token's {@code aud} must contain. Required: a token the same issuer signed for
 *                           another application (an OIDC issuer serves many) must not open this one
 * @param rememberedTokens   how many verified tokens are remembered, so that a session's next requests skip the
 *                           signature check ({@link VerifiedTokens})
 * @param rememberTokensFor  how long a verified token is remembered (never past its expiry)
 */
@ConfigurationProperties("desa.security")
public record TokenProperties(String jwkSetUri, String publicKey, String issuer, String audience,
        @DefaultValue("10000") long rememberedTokens, @DefaultValue("5m") Duration rememberTokensFor) {
}
