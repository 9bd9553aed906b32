package id.desadigital.platform.accountevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

import id.desadigital.contracts.account.AccountStateChanged;
import reactor.test.StepVerifier;

/** Which tokens an account's published state lets through, and which events change that state. */
class AccountStatesTest {

    private static final Instant CHANGE = Instant.parse("2026-05-04T10:00:06Z");

    private final AccountStates states = new AccountStates(Duration.ofMillis(200));

    @Test
    void anAccountNoEventNamedHasNothingAgainstItsTokens() {
        assertThat(states.accepts("nobody.said", Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
        assertThat(states.accepts("nobody.said", null)).isTrue();
    }

    @Test
    void aTokenFromBeforeTheChangeIsRefusedAndOneFromItsSecondOnIsTaken() {
        states.apply(1, new AccountStateChanged("new.password", true, CHANGE));

        assertThat(states.accepts("new.password", CHANGE.minusSeconds(1))).isFalse();
        assertThat(states.accepts("new.password", CHANGE)).isTrue();
        assertThat(states.accepts("new.password", CHANGE.plusSeconds(60))).isTrue();
        assertThat(states.accepts("new.password", null)).as("a token without iat").isFalse();
    }

    @Test
    void aDisabledAccountHasNoGoodTokenAndEnablingItAgainTakesOnlyNewerOnes() {
        states.apply(1, new AccountStateChanged("was.disabled", false, CHANGE));
        assertThat(states.accepts("was.disabled", CHANGE.plusSeconds(3600))).isFalse();

        states.apply(2, new AccountStateChanged("was.disabled", true, CHANGE));
        assertThat(states.accepts("was.disabled", CHANGE.minusSeconds(1))).isFalse();
        assertThat(states.accepts("was.disabled", CHANGE.plusSeconds(1))).isTrue();
    }

    @Test
    void anOlderOrRepeatedEventChangesNothing() {
        assertThat(states.apply(2, new AccountStateChanged("raced", false, CHANGE))).isTrue();

        assertThat(states.apply(1, new AccountStateChanged("raced", true, null))).isFalse();
        assertThat(states.apply(2, new AccountStateChanged("raced", true, null))).isFalse();
        assertThat(states.accepts("raced", CHANGE.plusSeconds(1))).isFalse();
    }

    @Test
    void beforeTheCatchUpARequestWaitsThenGetsA503SayingWhenToTryAgain() {
        StepVerifier.create(states.ready())
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ErrorResponse.class);
                    ErrorResponse problem = (ErrorResponse) error;
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.getBody().getType().toString()).isEqualTo("urn:desa-digital:problem:starting");
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aRequestWaitingForTheCatchUpGoesOnWhenItComes() {
        AccountStates slow = new AccountStates(Duration.ofSeconds(10));
        StepVerifier.create(slow.ready())
                .then(slow::caughtUp)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(slow.ready()).expectComplete().verify(Duration.ofSeconds(1));
        assertThat(slow.awaitCaughtUp(Duration.ZERO)).isTrue();
    }
}
