package id.desadigital.platform.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens the way the gateway does, with a key made for the test run. A service test points
 * {@code desa.security.public-key} at {@link #publicKeyPem()} and sends {@code Authorization: Bearer <token>}, so
 * the real token check runs, not a mock of it.
 */
public final class TestTokens {

    public static final String ISSUER = "desa-digital";

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
        return sign(username, role, villageCode, KEYS, Instant.now().plusSeconds(600));
    }

    /** A well-formed token signed by a key the service does not trust. */
    public static String forged(String username, String role) {
        return sign(username, role, null, generate(), Instant.now().plusSeconds(600));
    }

    public static String expired(String username, String role) {
        return sign(username, role, null, KEYS, Instant.now().minusSeconds(3600));
    }

    private static String sign(String username, String role, String villageCode, KeyPair keys, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(username)
                .issuer(ISSUER)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .claim("role", role);
        if (villageCode != null) {
            claims.claim("villageCode", villageCode);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
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
