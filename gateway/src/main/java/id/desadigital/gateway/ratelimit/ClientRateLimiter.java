package id.desadigital.gateway.ratelimit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A token bucket per client, in this gateway instance's memory: with several instances behind a load balancer
 * each allows the full rate, so the effective limit is the rate times the instances a client reaches. Memory is
 * bounded twice: a bucket idle for one second is full again, so it is dropped (a new one behaves the same), and at
 * most {@code maxTrackedClients} buckets are kept.
 */
@Component
public class ClientRateLimiter {

    /** A bucket refills completely in this time, so an idle one can be forgotten without changing any answer. */
    private static final Duration FULL_REFILL = Duration.ofSeconds(1);

    private final int requestsPerSecond;
    private final Ticker ticker;
    private final Cache<String, TokenBucket> buckets;

    @Autowired
    public ClientRateLimiter(RateLimitProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    ClientRateLimiter(RateLimitProperties properties, Ticker ticker) {
        this.requestsPerSecond = properties.requestsPerSecond();
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterAccess(FULL_REFILL)
                .maximumSize(properties.maxTrackedClients())
                .build();
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    public boolean enabled() {
        return requestsPerSecond > 0;
    }

    /** Counts one request of {@code client}; the answer says whether it may pass and, if not, when to retry. */
    public Decision take(String client) {
        if (!enabled()) {
            return Decision.ALLOWED;
        }
        long now = ticker.read();
        long waitNanos = buckets.get(client, key -> new TokenBucket(requestsPerSecond, now)).tryTake(now);
        return waitNanos == 0 ? Decision.ALLOWED : new Decision(false, Duration.ofNanos(waitNanos));
    }

    long trackedClients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** Whole seconds for the Retry-After header, never 0 (which would invite an immediate retry). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toNanos() + 999_999_999L) / 1_000_000_000L);
        }
    }
}
