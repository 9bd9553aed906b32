package id.desadigital.gateway.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private final LockoutPolicy defaults = new LockoutPolicy(
            new SignInLockoutProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(24)));

    @Test
    void theFirstFiveFailuresAreFreeThenTheLockStartsAtOneSecondAndDoubles() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(defaults.lockAfter(failures)).isZero();
        }
        assertThat(defaults.lockAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.lockAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.lockAfter(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(defaults.lockAfter(14)).isEqualTo(Duration.ofSeconds(512));
    }

    @Test
    void theLockNeverPassesTheMaximumHoweverManyFailures() {
        assertThat(defaults.lockAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.lockAfter(70)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.lockAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theLockRunsFromTheLastCountedAttemptAndOldFailuresAreForgotten() {
        Instant last = Instant.parse("2026-03-01T10:00:00Z");
        FailureRecord sixFailures = new FailureRecord("someone", 6, last);

        assertThat(defaults.lockRemaining(sixFailures, last.plusMillis(500))).isEqualTo(Duration.ofMillis(1500));
        assertThat(defaults.lockRemaining(sixFailures, last.plusSeconds(2))).isZero();
        assertThat(defaults.isForgotten(sixFailures, last.plus(Duration.ofHours(23)))).isFalse();
        assertThat(defaults.isForgotten(sixFailures, last.plus(Duration.ofHours(24)))).isTrue();
    }

    @Test
    void settingsThatCannotWorkAreRefusedAtStart() {
        assertThatThrownBy(() -> new SignInLockoutProperties(0, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(24))).hasMessageContaining("free-failures");
        assertThatThrownBy(() -> new SignInLockoutProperties(5, Duration.ofMinutes(20), Duration.ofMinutes(15),
                Duration.ofHours(24))).hasMessageContaining("first-lockout");
        assertThatThrownBy(() -> new SignInLockoutProperties(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofMinutes(10))).hasMessageContaining("forget-after");
    }
}
