package id.desadigital.gateway.ratelimit;

/**
 * One client's allowance: holds up to {@code capacity} tokens, refilled continuously at {@code capacity} per second;
 * a request takes one. Time comes from the caller (nanoseconds on a monotonic clock) so the bucket is testable.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(int capacity, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.lastRefillNanos = nowNanos;
    }

    /** Takes a token: 0 when one was there, else how many nanoseconds until the next one will be. */
    synchronized long tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefillNanos);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        lastRefillNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
