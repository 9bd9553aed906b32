package id.desadigital.platform.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens the way the gateway does, with a key made for the test run. A service test points
 * {@code desa.security.public-key} at {@link #publicKeyPem()} and sends {@code Authorization: Bearer <token>}, so
 * the real token check runs, not a mock of it. Tokens carry {@link #ISSUER} and {@link #AUDIENCE}, the defaults of
 * the services' application.yml; the other methods make the tokens a service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "desa-digital";
    public static final String AUDIENCE = "desa-digital";

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public static String admin() {
        return token("admin", "ADMIN", null);
    }

    public static String auditor() {
        return token("auditor", "AUDITOR", null);
    }

    public static String financeOfficer() {
        return token("finance", "FINANCE_OFFICER", null);
    }

    public static String villageHead(String villageCode) {
        return token("head-" + villageCode, "VILLAGE_HEAD", villageCode);
    }

    public static String token(String username, String role, String villageCode) {
        return sign(claims(username, role, villageCode, Instant.now().plusSeconds(600)).build(), KEYS);
    }

    /**
     * A valid token issued ({@code iat}) at {@code issuedAt}, to the second as a JWT carries it, and expiring ten
     * minutes from now: for checks of tokens against a password change or a disabling at a known time.
     */
    public static String issuedAt(String username, String role, String villageCode, Instant issuedAt) {
        return sign(claims(username, role, villageCode, Instant.now().plusSeconds(600))
                .issueTime(Date.from(issuedAt)).build(), KEYS);
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String forged(String username, String role) {
        return sign(claims(username, role, null, Instant.now().plusSeconds(600)).build(), generate());
    }

    public static String expired(String username, String role) {
        return sign(claims(username, role, null, Instant.now().minusSeconds(3600)).build(), KEYS);
    }

    /** Correctly signed, but without an expiry: it would be valid for ever. */
    public static String withoutExpiry(String username, String role) {
        return sign(claims(username, role, null, Instant.now().plusSeconds(600)).expirationTime(null).build(), KEYS);
    }

    /** Correctly signed, but by (or for) another issuer than the services trust. */
    public static String fromIssuer(String issuer, String username, String role) {
        return sign(claims(username, role, null, Instant.now().plusSeconds(600)).issuer(issuer).build(), KEYS);
    }

    /** Correctly signed for another application than this system; {@code audience} null leaves {@code aud} out. */
    public static String forAudience(String audience, String username, String role) {
        return sign(claims(username, role, null, Instant.now().plusSeconds(600)).audience(audience).build(), KEYS);
    }

    /** The claims of a valid token with {@code alg: none} and no signature at all. */
    public static String unsigned(String username, String role) {
        return new PlainJWT(claims(username, role, null, Instant.now().plusSeconds(600)).build()).serialize();
    }

    /** {@code token} with some claims replaced and its original signature kept, as a tamperer would send it. */
    public static String withClaimsChanged(String token, Map<String, Object> changes) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(jwt.getJWTClaimsSet());
            changes.forEach(claims::claim);
            String[] parts = token.split("\\.");
            return parts[0] + "." + Base64URL.encode(claims.build().toString()) + "." + parts[2];
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a signed JWT: " + token, e);
        }
    }

    /** {@code token} with one bit of its signature flipped (the first byte: the last character may be padding). */
    public static String withSignatureChanged(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[0] ^= 1;
        return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
    }

    private static JWTClaimsSet.Builder claims(String username, String role, String villageCode, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(username)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .claim("role", role);
        if (villageCode != null) {
            claims.claim("villageCode", villageCode);
        }
        return claims;
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
