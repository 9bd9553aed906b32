package id.desadigital.gateway.lockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.support.GatewayTestBase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Password guessing against one username is slowed down: five free failures, then locks that double. */
class SignInLockoutTest extends GatewayTestBase {

    @Autowired
    ReactiveMongoTemplate gatewayDatabase;

    @Autowired
    SignInLockoutProperties lockout;

    private void failFiveTimes(String username) {
        for (int i = 1; i <= 5; i++) {
            assertThat(requestToken(username, "wrong-guess-" + i).getStatus().value()).as("failure %d", i)
                    .isEqualTo(401);
        }
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordGets429ThenEachFurtherFailureDoublesTheLockAndASuccessResets() {
        userToken("lock.victim", "AUDITOR", null);
        String rightPassword = passwordOf("lock.victim");

        failFiveTimes("lock.victim");

        var locked = requestToken("lock.victim", rightPassword);
        assertThat(locked.getStatus().value()).isEqualTo(429);
        assertThat(locked.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(locked.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(locked)).contains("\"status\":429", "\"type\":\"urn:desa-digital:problem:sign-in-locked\"",
                "\"title\"", "\"detail\"");

        // Attempts during the lock are refused unchecked and not counted, so polling until it ends is harmless.
        var sixth = firstAnswerAfterTheLock("lock.victim", "wrong-guess-6");
        assertThat(sixth.getStatus().value()).isEqualTo(401);
        var lockedAgain = requestToken("lock.victim", rightPassword);
        assertThat(lockedAgain.getStatus().value()).isEqualTo(429);
        assertThat(lockedAgain.getResponseHeaders().getFirst("Retry-After")).isEqualTo("2");

        var success = firstAnswerAfterTheLock("lock.victim", rightPassword);
        assertThat(success.getStatus().value()).isEqualTo(200);
        // A success resets the count: the next failure is free again.
        assertThat(requestToken("lock.victim", "wrong-guess-7").getStatus().value()).isEqualTo(401);
        assertThat(requestToken("lock.victim", rightPassword).getStatus().value()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsLockedExactlyLikeAKnownOne() {
        userToken("lock.known", "AUDITOR", null);
        failFiveTimes("lock.known");
        failFiveTimes("lock.nobody-by-this-name");

        var known = requestToken("lock.known", "wrong-guess-6");
        var unknown = requestToken("lock.nobody-by-this-name", "wrong-guess-6");

        for (var result : List.of(known, unknown)) {
            assertThat(result.getStatus().value()).isEqualTo(429);
        }
        assertThat(unknown.getResponseHeaders().getFirst("Retry-After"))
                .isEqualTo(known.getResponseHeaders().getFirst("Retry-After"));
        assertThat(body(unknown)).isEqualTo(body(known));
    }

    @Test
    void theLockHoldsForAnotherGatewayInstanceOrAfterARestart() {
        failFiveTimes("lock.shared");

        // Another instance (or this one restarted): a new FailedSignIns over the same database, nothing in memory.
        FailedSignIns otherInstance = new FailedSignIns(gatewayDatabase, Clock.systemUTC(), lockout);

        StepVerifier.create(otherInstance.admit("lock.shared"))
                .expectErrorSatisfies(error -> assertThat(((ApiProblem) error).getStatusCode().value())
                        .isEqualTo(429))
                .verify();
    }

    @Test
    void ofManyGuessesSentAtOnceOnlyTheFreeOnesHaveTheirPasswordChecked() {
        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(i -> Mono.fromCallable(() -> requestToken("lock.burst", "burst-guess-" + i))
                        .map(result -> result.getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()))
                .collectList().block(Duration.ofSeconds(30));

        long checked = statuses.stream().filter(status -> status == 401).count();
        assertThat(statuses).containsOnly(401, 429);
        // Five free failures; a sixth only if the burst outlasted the first lock (one second).
        assertThat(checked).isBetween(5L, 6L);
    }

    @Test
    void aVeryLongUsernameIsCountedLikeAnyOther() {
        String longName = "x".repeat(10_000);
        failFiveTimes(longName);

        assertThat(requestToken(longName, "wrong-guess-6").getStatus().value()).isEqualTo(429);
    }

    private EntityExchangeResult<byte[]> firstAnswerAfterTheLock(String username, String password) {
        @SuppressWarnings("unchecked")
        EntityExchangeResult<byte[]>[] answer = new EntityExchangeResult[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            answer[0] = requestToken(username, password);
            return answer[0].getStatus().value() != 429;
        });
        return answer[0];
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
    }
}
