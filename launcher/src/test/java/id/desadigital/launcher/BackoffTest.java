package id.desadigital.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = SupervisorSettings.BACKOFF;

    @Test
    void doublesFromOneSecondUpToThirtySeconds() {
        assertThat(backoff.delayBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayBefore(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayBefore(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayBefore(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aProcessThatStayedUpForAMinuteCountsAsRecovered() {
        assertThat(backoff.wasStable(Duration.ofSeconds(59))).isFalse();
        assertThat(backoff.wasStable(Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void rejectsAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
