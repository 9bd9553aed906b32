package id.desadigital.gateway.lockout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repeated failed sign-ins for one username are slowed down.
 *
 * @param freeFailures how many failures in a row are answered normally; after that the username is locked
 * @param firstLockout how long the first lock lasts; each further failure doubles it
 * @param maxLockout   the longest a lock lasts, however many failures came before
 * @param forgetAfter  failures this long ago are forgotten, as if the username had never failed; also how often
 *                     forgotten records are swept from the store
 */
@ConfigurationProperties("desa.identity.sign-in")
public record SignInLockoutProperties(int freeFailures, Duration firstLockout, Duration maxLockout,
        Duration forgetAfter) {

    public SignInLockoutProperties {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("desa.identity.sign-in.free-failures must be at least 1");
        }
        if (firstLockout.isNegative() || firstLockout.isZero() || maxLockout.compareTo(firstLockout) < 0) {
            throw new IllegalArgumentException(
                    "desa.identity.sign-in.first-lockout must be positive and at most max-lockout");
        }
        if (forgetAfter.compareTo(maxLockout) <= 0) {
            // Otherwise a lock could outlive the memory of the failures that caused it.
            throw new IllegalArgumentException("desa.identity.sign-in.forget-after must be longer than max-lockout");
        }
    }
}
