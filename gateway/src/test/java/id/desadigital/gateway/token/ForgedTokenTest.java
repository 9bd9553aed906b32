package id.desadigital.gateway.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import id.desadigital.gateway.signing.SigningKeyStore;
import id.desadigital.gateway.support.GatewayTestBase;

/**
 * Tokens someone made or changed themselves are refused at the gateway with 401 problem+json, however they were
 * forged. Each forgery differs in one thing only from a token the control test shows is accepted.
 */
class ForgedTokenTest extends GatewayTestBase {

    private static final String USER = "auditor.forger";

    @Autowired
    SigningKeyStore keys;

    enum Forgery {
        ALTERED_SIGNATURE, ALG_NONE, ROLE_RAISED_KEEPING_THE_SIGNATURE, EXPIRED, NO_EXPIRY, ANOTHER_ISSUER, ANOTHER_AUDIENCE,
        NO_AUDIENCE, SIGNED_BY_AN_UNKNOWN_KEY_WITH_OUR_KEY_ID, HMAC_SIGNED_WITH_OUR_PUBLIC_KEY
    }

    @Test
    void aTokenMadeTheSameWayWithEveryClaimRightIsAccepted() throws Exception {
        userToken(USER, "AUDITOR", null);
        String madeHere = sign(claims().build(), ourKey());

        web.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(madeHere))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo(USER);
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void aForgedTokenIs401Problem(Forgery forgery) throws Exception {
        String forged = forge(forgery, userToken(USER, "AUDITOR", null));

        web.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(forged))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:unauthorized");
        // Nor does it pass to a service.
        web.get().uri("/api/budget/ledger").headers(h -> h.setBearerAuth(forged))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    private String forge(Forgery forgery, String genuine) throws Exception {
        String[] parts = genuine.split("\\.");
        return switch (forgery) {
            case ALTERED_SIGNATURE -> parts[0] + "." + parts[1] + "." + flipMiddle(parts[2]);
            case ALG_NONE -> base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            case ROLE_RAISED_KEEPING_THE_SIGNATURE -> parts[0] + "." + base64(raiseRole(decode(parts[1]))) + "."
                    + parts[2];
            case EXPIRED -> sign(claims()
                    .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))).build(), ourKey());
            case NO_EXPIRY -> sign(claims().expirationTime(null).build(), ourKey());
            case ANOTHER_ISSUER -> sign(claims().issuer("someone-else").build(), ourKey());
            case ANOTHER_AUDIENCE -> sign(claims().audience("another-application").build(), ourKey());
            case NO_AUDIENCE -> sign(claims().audience((String) null).build(), ourKey());
            case SIGNED_BY_AN_UNKNOWN_KEY_WITH_OUR_KEY_ID -> sign(claims().build(),
                    new RSAKeyGenerator(2048).keyID(ourKey().getKeyID()).generate());
            case HMAC_SIGNED_WITH_OUR_PUBLIC_KEY -> {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(ourKey().getKeyID()).type(JOSEObjectType.JWT).build(), claims().build());
                jwt.sign(new MACSigner(ourKey().toPublicJWK().toRSAPublicKey().getEncoded()));
                yield jwt.serialize();
            }
        };
    }

    private static String raiseRole(String claims) {
        String raised = claims.replace("\"role\":\"AUDITOR\"", "\"role\":\"ADMIN\"");
        if (raised.equals(claims)) {
            throw new IllegalStateException("no AUDITOR role claim to raise in " + claims);
        }
        return raised;
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(USER)
                .issuer("desa-digital")
                .audience("desa-digital")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("role", "AUDITOR");
    }

    private RSAKey ourKey() {
        return keys.signingKey().block();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String flipMiddle(String signature) {
        int middle = signature.length() / 2;
        char flipped = signature.charAt(middle) == 'A' ? 'B' : 'A';
        return signature.substring(0, middle) + flipped + signature.substring(middle + 1);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
