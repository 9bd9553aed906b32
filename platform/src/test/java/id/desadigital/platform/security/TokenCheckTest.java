package id.desadigital.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import id.desadigital.platform.testing.RefusedTokens;
import id.desadigital.platform.testing.TestTokens;
import reactor.test.StepVerifier;

/** The token check every service runs, as the auto-configuration builds it; the services' tests show the 401s. */
class TokenCheckTest {

    private final ReactiveJwtDecoder decoder = ServiceSecurityAutoConfiguration.verifiedTokens(
            properties(TestTokens.AUDIENCE));

    @Test
    void aTokenOfThisIssuerForThisAudienceIsAccepted() {
        StepVerifier.create(decoder.decode(TestTokens.villageHead("33.03.01.2001")))
                .assertNext(jwt -> {
                    assertThat(Caller.from(jwt)).isEqualTo(new Caller("head-33.03.01.2001", Role.VILLAGE_HEAD,
                            "33.03.01.2001"));
                    assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
                })
                .verifyComplete();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedOrNot")
    void everyBadTokenIsRefusedEvenAfterTheTokenItWasMadeFromWasRemembered(String token) {
        StepVerifier.create(decoder.decode(RefusedTokens.REMEMBERED)).expectNextCount(1).verifyComplete();

        StepVerifier.create(decoder.decode(token)).expectError(JwtException.class).verify();
        StepVerifier.create(decoder.decode(RefusedTokens.REMEMBERED)).expectNextCount(1).verifyComplete();
    }

    @Test
    void aServiceWithoutAnAudienceDoesNotStart() {
        assertThatThrownBy(() -> ServiceSecurityAutoConfiguration.verifiedTokens(properties(" ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TOKEN_AUDIENCE");
    }

    static Stream<Named<String>> signedOrNot() {
        return RefusedTokens.all().filter(token -> token.getPayload() != null);
    }

    private static TokenProperties properties(String audience) {
        return new TokenProperties(null, TestTokens.publicKeyPem(), TestTokens.ISSUER, audience, 100,
                Duration.ofMinutes(5));
    }
}
