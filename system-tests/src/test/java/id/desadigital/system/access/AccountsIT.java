package id.desadigital.system.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;

/**
 * What an account change does, on the running system: a new password or a disabled account ends old tokens, at the
 * gateway at once and, through account-events, at each service too, for a call that bypasses the gateway.
 */
@ExtendWith(StackExtension.class)
class AccountsIT {

    private static final String PASSWORD = "first-long-password";
    /** The gateway answers once the event is on Kafka; each service reads it within milliseconds. */
    private static final Duration EVENT_ARRIVES_WITHIN = Duration.ofSeconds(10);

    @Test
    void aNewPasswordEndsTheTokensIssuedBeforeIt(Fixture fixture, RunningStack stack) {
        String gateway = stack.gateway();
        String username = account(fixture);
        String before = Api.signIn(gateway, username, PASSWORD);
        expectTakenStraightByTheServices(stack, before);

        assertThat(Api.send("PUT", gateway + "/api/auth/me/password", before, Map.of("currentPassword", PASSWORD,
                "newPassword", "second-long-password")).status()).isEqualTo(204);
        expectRefusedStraightByTheServices(stack, before, System.nanoTime(), "new password");

        assertThat(Api.get(gateway + "/api/budget/programs", before).status()).isEqualTo(401);
        assertThat(Api.send("POST", gateway + "/api/auth/token", null, Map.of("username", username,
                "password", PASSWORD)).status()).isEqualTo(401);
        String after = Api.signIn(gateway, username, "second-long-password");
        assertThat(Api.get(gateway + "/api/budget/programs", after).status()).isEqualTo(200);
        expectTakenStraightByTheServices(stack, after);
    }

    @Test
    void aDisabledAccountNeitherSignsInNorKeepsItsTokens(Fixture fixture, RunningStack stack) {
        String gateway = stack.gateway();
        String username = account(fixture);
        String token = Api.signIn(gateway, username, PASSWORD);
        expectTakenStraightByTheServices(stack, token);

        Api.ok("PUT", gateway + "/api/auth/users/" + username + "/status", fixture.token(Who.ADMIN),
                Map.of("enabled", false));
        expectRefusedStraightByTheServices(stack, token, System.nanoTime(), "disabled");

        assertThat(Api.get(gateway + "/api/villages", token).status()).isEqualTo(401);
        assertThat(Api.send("POST", gateway + "/api/auth/token", null, Map.of("username", username,
                "password", PASSWORD)).status()).isEqualTo(401);
    }

    /** Before the change: the token opens each service when sent straight to it, so a later 401 is the change's. */
    private static void expectTakenStraightByTheServices(RunningStack stack, String token) {
        for (String url : straightToTheServices(stack)) {
            assertThat(Api.get(url, token).status()).as("GET %s", url).isEqualTo(200);
        }
    }

    /**
     * A call that bypasses the gateway with the old token: each service refuses it (401 problem+json) once the
     * account event has reached it, within {@link #EVENT_ARRIVES_WITHIN} of the gateway's answer; how long it took is
     * printed (for the second service, counted from the same answer, so at most that).
     */
    private static void expectRefusedStraightByTheServices(RunningStack stack, String token, long changedAtNanos,
            String change) {
        for (String url : straightToTheServices(stack)) {
            await().atMost(EVENT_ARRIVES_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .until(() -> Api.get(url, token).status() == 401);
            Duration took = Duration.ofNanos(System.nanoTime() - changedAtNanos);
            Api.Answer refused = Api.get(url, token);
            assertThat(refused.status()).as("GET %s", url).isEqualTo(401);
            assertThat(refused.isProblem()).as("%s", refused).isTrue();
            System.out.printf("AccountsIT: %s: %s refused the old token %d ms after the gateway's answer%n", change,
                    url, took.toMillis());
        }
    }

    private static List<String> straightToTheServices(RunningStack stack) {
        return List.of(stack.budgetService() + "/api/budget/programs", stack.villageService() + "/api/villages");
    }

    @Test
    void repeatedWrongPasswordsLockTheUsernameEvenAgainstTheRightOne(Fixture fixture, RunningStack stack) {
        String gateway = stack.gateway();
        String username = account(fixture);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(Api.send("POST", gateway + "/api/auth/token", null, Map.of("username", username,
                    "password", "wrong-" + attempt)).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        Api.Answer locked = Api.send("POST", gateway + "/api/auth/token", null, Map.of("username", username,
                "password", PASSWORD));

        assertThat(locked.status()).as("%s", locked).isEqualTo(429);
        assertThat(locked.isProblem()).isTrue();
    }

    private static String account(Fixture fixture) {
        String username = "account-" + UUID.randomUUID().toString().substring(0, 8);
        Api.ok("POST", fixture.gateway() + "/api/auth/users", fixture.token(Who.ADMIN),
                Map.of("username", username, "password", PASSWORD, "role", "AUDITOR"));
        return username;
    }
}
