package id.desadigital.launcher;

import java.time.Duration;

/**
 * How long to wait before restarting a process that died: {@code initial}, doubling with each consecutive
 * failure up to {@code max}. A process that stayed up for {@code resetAfter} counts as healthy again, so its
 * next failure waits {@code initial} only.
 */
public record Backoff(Duration initial, Duration max, Duration resetAfter) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** The delay before the {@code failures}-th consecutive restart (1 for the first). */
    public Duration delayBefore(int failures) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a process that ran for {@code uptime} before dying had recovered from earlier failures. */
    public boolean wasStable(Duration uptime) {
        return uptime.compareTo(resetAfter) >= 0;
    }
}
