package id.desadigital.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param requestsPerSecond requests each client may make per second, with bursts up to the same number; 0 turns
 *                          the limit off
 * @param maxTrackedClients how many clients' buckets are kept at most; beyond it the least recently seen go first
 */
@ConfigurationProperties("desa.rate-limit")
public record RateLimitProperties(int requestsPerSecond, long maxTrackedClients) {

    public boolean enabled() {
        return requestsPerSecond > 0;
    }
}
