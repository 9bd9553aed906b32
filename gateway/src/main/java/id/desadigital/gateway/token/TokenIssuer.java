package id.desadigital.gateway.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import id.desadigital.gateway.signing.SigningKeyStore;
import id.desadigital.gateway.user.TokenClaims;
import id.desadigital.gateway.user.TokenValidity;
import id.desadigital.gateway.user.UserAccount;
import reactor.core.publisher.Mono;

/**
 * Signs an RS256 JWT for a signed-in user: sub, role, villageCode (a village head only), iss, aud, iat, exp, jti.
 * {@code iat} is never before the account's {@code tokensValidFrom} (see {@link TokenValidity}), so a token issued
 * right after a password change in the same second is not mistaken for one from before it.
 */
@Component
class TokenIssuer {

    private final SigningKeyStore keys;
    private final TokenProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeyStore keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<TokenResponse> issue(UserAccount user) {
        return keys.signingKey().map(key -> sign(user, key));
    }

    private TokenResponse sign(UserAccount user, RSAKey key) {
        Instant issuedAt = TokenValidity.issuedAt(clock.instant(), user.tokensValidFrom());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(user.username())
                .issuer(properties.issuer())
                .audience(properties.audience())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(properties.tokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLE, user.role().name());
        if (user.role().isScopedToVillage()) {
            claims.claim(TokenClaims.VILLAGE_CODE, user.villageCode());
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token with key " + key.getKeyID(), e);
        }
        return TokenResponse.bearer(jwt.serialize(), properties.tokenTtl().toSeconds());
    }
}
