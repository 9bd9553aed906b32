package id.desadigital.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private ClientRateLimiter limiter(int rps, long maxClients) {
        return new ClientRateLimiter(new RateLimitProperties(rps, maxClients), nanos::get);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void aClientMayBurstItsRateThenWaitsForTheRefill() {
        ClientRateLimiter limiter = limiter(4, 100);

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.take("user:ana").allowed()).isTrue();
        }
        var refused = limiter.take("user:ana");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        advance(Duration.ofMillis(250));
        assertThat(limiter.take("user:ana").allowed()).isTrue();
        assertThat(limiter.take("user:ana").allowed()).isFalse();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        ClientRateLimiter limiter = limiter(1, 100);

        assertThat(limiter.take("user:ana").allowed()).isTrue();
        assertThat(limiter.take("user:ana").allowed()).isFalse();
        assertThat(limiter.take("user:budi").allowed()).isTrue();
        assertThat(limiter.take("ip:10.0.0.7").allowed()).isTrue();
    }

    @Test
    void zeroMeansNoLimit() {
        ClientRateLimiter limiter = limiter(0, 100);

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.take("user:ana").allowed()).isTrue();
        }
        assertThat(limiter.enabled()).isFalse();
    }

    @Test
    void idleBucketsAreForgottenAndTheirNumberIsBounded() {
        ClientRateLimiter limiter = limiter(10, 50);

        for (int i = 0; i < 500; i++) {
            limiter.take("ip:10.0.0." + i);
        }
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(50);

        advance(Duration.ofSeconds(2));
        assertThat(limiter.trackedClients()).isZero();
    }
}
