package id.desadigital.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-02T08:00:00Z");

    private final AtomicInteger checks = new AtomicInteger();
    private final SettableClock clock = new SettableClock();

    /** Stands for the signature check: accepts tokens named "good-*", valid for one hour from sign-in. */
    private final ReactiveJwtDecoder verifier = token -> {
        checks.incrementAndGet();
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("kades")
                .issuedAt(SIGNED_IN).expiresAt(SIGNED_IN.plus(Duration.ofHours(1))).build());
    };

    private final VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofHours(5), clock);

    @Test
    void aTokenSentAgainIsCheckedOnce() {
        StepVerifier.create(tokens.decode("good-1").then(Mono.defer(() -> tokens.decode("good-1"))))
                .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("kades"))
                .verifyComplete();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("forged")).expectError(BadJwtException.class).verify();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRememberedTokenPastItsExpiryGoesToTheFullCheckAgain() {
        StepVerifier.create(tokens.decode("good-1")).expectNextCount(1).verifyComplete();
        clock.now = SIGNED_IN.plus(Duration.ofHours(2));

        StepVerifier.create(tokens.decode("good-1")).expectNextCount(1).verifyComplete();
        assertThat(checks).hasValue(2);
    }

    private static final class SettableClock extends Clock {
        Instant now = SIGNED_IN.plus(Duration.ofMinutes(1));

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
