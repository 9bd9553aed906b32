package id.desadigital.gateway.user;

import java.time.Instant;

/**
 * Which tokens of an account are still good, given that a token's {@code iat} has whole-second precision.
 * <p>
 * A change at 10:00:05.300 (password, disabling) must refuse a token issued at 10:00:05.100, yet both carry
 * {@code iat} 10:00:05. So the change records {@link #cutoff} rounded up, 10:00:06, and a token is valid when its
 * {@code iat} is not before that. A token issued after the change but within the same second would then look older
 * than the cutoff; the issuer therefore dates it no earlier than the cutoff ({@link #issuedAt}), a fraction of a
 * second ahead, well within any validator's clock-skew allowance.
 */
public final class TokenValidity {

    private TokenValidity() {
    }

    /** Tokens issued before a change at {@code changedAt} are refused from then on: the next whole second. */
    public static Instant cutoff(Instant changedAt) {
        Instant whole = Instant.ofEpochSecond(changedAt.getEpochSecond());
        return whole.equals(changedAt) ? whole : whole.plusSeconds(1);
    }

    /** The {@code iat} of a token issued at {@code now} to an account whose tokens are valid from {@code validFrom}. */
    public static Instant issuedAt(Instant now, Instant validFrom) {
        Instant whole = Instant.ofEpochSecond(now.getEpochSecond());
        return validFrom != null && validFrom.isAfter(whole) ? validFrom : whole;
    }

    /** Whether a token with this {@code iat} is good for an account whose tokens are valid from {@code validFrom}. */
    public static boolean accepts(Instant validFrom, Instant issuedAt) {
        if (validFrom == null) {
            return true;
        }
        return issuedAt != null && !issuedAt.isBefore(validFrom);
    }
}
