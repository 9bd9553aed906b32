package id.desadigital.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import id.desadigital.gateway.support.GatewayTestBase;

/** What a service does with a token: fetch the JWKS, find the key by kid, verify, read the claims. */
class IssuedTokenTest extends GatewayTestBase {

    @Test
    void theJwksServesTheKeyThatVerifiesAnIssuedToken() throws Exception {
        SignedJWT token = SignedJWT.parse(adminToken());

        String jwks = web.get().uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectBody(String.class).returnResult().getResponseBody();
        JWKSet keys = JWKSet.parse(jwks);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).as("the JWKS must never carry the private key").isFalse();
        assertThat(jwks).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.getKeyUse()).isEqualTo(com.nimbusds.jose.jwk.KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void theTokenCarriesTheContractsClaims() throws Exception {
        var claims = SignedJWT.parse(adminToken()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("admin");
        assertThat(claims.getStringClaim("role")).isEqualTo("ADMIN");
        assertThat(claims.getClaims()).doesNotContainKey("villageCode");
        assertThat(claims.getIssuer()).isEqualTo("desa-digital");
        assertThat(claims.getAudience()).containsExactly("desa-digital");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aVillageHeadsTokenNamesTheirVillage() throws Exception {
        id.desadigital.gateway.support.BackendStandIn.VILLAGE.village("32.04.11.2001", "ACTIVE");

        var claims = SignedJWT.parse(userToken("head.sukamaju", "VILLAGE_HEAD", "32.04.11.2001")).getJWTClaimsSet();

        assertThat(claims.getStringClaim("role")).isEqualTo("VILLAGE_HEAD");
        assertThat(claims.getStringClaim("villageCode")).isEqualTo("32.04.11.2001");
    }
}
