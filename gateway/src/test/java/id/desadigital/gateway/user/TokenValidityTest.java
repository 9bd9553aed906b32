package id.desadigital.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Whole-second iat against a change at any instant: the token from before is refused, the one after is not. */
class TokenValidityTest {

    private static final Instant CHANGE = Instant.parse("2026-03-01T10:00:05.300Z");

    @Test
    void aTokenIssuedEarlierInTheSameSecondAsTheChangeIsRefused() {
        Instant validFrom = TokenValidity.cutoff(CHANGE);
        Instant before = Instant.parse("2026-03-01T10:00:05.100Z");

        assertThat(validFrom).isEqualTo(Instant.parse("2026-03-01T10:00:06Z"));
        assertThat(TokenValidity.accepts(validFrom, TokenValidity.issuedAt(before, null))).isFalse();
    }

    @Test
    void aTokenIssuedLaterInTheSameSecondAsTheChangeIsAccepted() {
        Instant validFrom = TokenValidity.cutoff(CHANGE);
        Instant after = Instant.parse("2026-03-01T10:00:05.800Z");

        Instant issuedAt = TokenValidity.issuedAt(after, validFrom);

        assertThat(issuedAt).isEqualTo(validFrom);
        assertThat(TokenValidity.accepts(validFrom, issuedAt)).isTrue();
    }

    @Test
    void aChangeOnAWholeSecondNeedsNoRounding() {
        Instant whole = Instant.parse("2026-03-01T10:00:05Z");

        assertThat(TokenValidity.cutoff(whole)).isEqualTo(whole);
        assertThat(TokenValidity.accepts(whole, Instant.parse("2026-03-01T10:00:04Z"))).isFalse();
        assertThat(TokenValidity.accepts(whole, TokenValidity.issuedAt(whole.plusMillis(1), whole))).isTrue();
    }

    @Test
    void laterTokensKeepTheirOwnTimeAndAccountsWithoutAChangeAcceptEveryToken() {
        Instant validFrom = TokenValidity.cutoff(CHANGE);
        Instant later = Instant.parse("2026-03-01T11:30:00.999Z");

        assertThat(TokenValidity.issuedAt(later, validFrom)).isEqualTo(Instant.parse("2026-03-01T11:30:00Z"));
        assertThat(TokenValidity.accepts(null, Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
        assertThat(TokenValidity.accepts(validFrom, null)).isFalse();
    }
}
