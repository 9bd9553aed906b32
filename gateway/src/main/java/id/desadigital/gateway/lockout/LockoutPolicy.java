package id.desadigital.gateway.lockout;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of the lock, kept apart from the store so it can be checked alone. After {@code freeFailures}
 * failures in a row the username is locked for {@code firstLockout}; every further failure (possible only once a
 * lock has run out) doubles it, up to {@code maxLockout}.
 */
final class LockoutPolicy {

    /** 2^62 nanoseconds is already 146 years: beyond it doubling would overflow, and the cap applies long before. */
    private static final int MAX_DOUBLINGS = 62;

    private final SignInLockoutProperties properties;

    LockoutPolicy(SignInLockoutProperties properties) {
        this.properties = properties;
    }

    /** How long the username is locked after {@code failures} failures in a row; zero while they are free. */
    Duration lockAfter(int failures) {
        if (failures < properties.freeFailures()) {
            return Duration.ZERO;
        }
        int doublings = failures - properties.freeFailures();
        long first = properties.firstLockout().toNanos();
        long max = properties.maxLockout().toNanos();
        if (doublings >= MAX_DOUBLINGS || first > (max >> doublings)) {
            return properties.maxLockout();
        }
        return Duration.ofNanos(first << doublings);
    }

    /** Failures so long ago that they no longer count. */
    boolean isForgotten(FailureRecord record, Instant now) {
        return !record.lastAttemptAt().plus(properties.forgetAfter()).isAfter(now);
    }

    /** How much longer the username stays locked at {@code now}; zero or negative when it is not locked. */
    Duration lockRemaining(FailureRecord record, Instant now) {
        if (isForgotten(record, now)) {
            return Duration.ZERO;
        }
        Instant until = record.lastAttemptAt().plus(lockAfter(record.failures()));
        return Duration.between(now, until);
    }
}
