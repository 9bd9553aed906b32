package id.desadigital.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The metrics scrape credential: exactly the configured token opens the metrics, and only a long enough one. */
class ScrapeCredentialTest {

    private static final String TOKEN = "a-scrape-token-of-24-chr";

    @Test
    void onlyTheExactTokenAsABearerIsAccepted() {
        ScrapeCredential credential = new ScrapeCredential(TOKEN);

        assertThat(credential.accepts("Bearer " + TOKEN)).isTrue();
        assertThat(credential.accepts(null)).isFalse();
        assertThat(credential.accepts(TOKEN)).isFalse();
        assertThat(credential.accepts("Basic " + TOKEN)).isFalse();
        assertThat(credential.accepts("Bearer " + TOKEN + " ")).isFalse();
        assertThat(credential.accepts("Bearer " + TOKEN.substring(1))).isFalse();
    }

    @Test
    void withoutATokenNothingIsAccepted() {
        ScrapeCredential credential = new ScrapeCredential("");

        assertThat(credential.configured()).isFalse();
        assertThat(credential.accepts("Bearer ")).isFalse();
        assertThat(credential.accepts("Bearer null")).isFalse();
    }

    @Test
    void aTokenTooShortToBeSafeStopsTheStart() {
        assertThatThrownBy(() -> new ScrapeCredential("short-token"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("METRICS_TOKEN");
    }
}
