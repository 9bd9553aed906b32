package id.desadigital.system.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;

/** What an account change does, on the running system: a new password or a disabled account ends old tokens. */
@ExtendWith(StackExtension.class)
class AccountsIT {

    private static final String PASSWORD = "first-long-password";

    @Test
    void aNewPasswordEndsTheTokensIssuedBeforeIt(Fixture fixture, RunningStack stack) {
        String gateway = stack.gateway();
        String username = account(fixture);
        String before = Api.signIn(gateway, username, PASSWORD);

        assertThat(Api.send("PUT", gateway + "/api/auth/me/password", before, Map.of("currentPassword", PASSWORD,
                "newPassword", "second-long-password")).status()).isEqualTo(204);

        assertThat(Api.get(gateway + "/api/budget/programs", before).status()).isEqualTo(401);
        assertThat(Api.send("POST", gateway + "/api/auth/token", null, Map.of("username", username,
                "password", PASSWORD)).status()).isEqualTo(401);
        String after = Api.signIn(gateway, username, "second-long-password");
        assertThat(Api.get(gateway + "/api/budget/programs", after).status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountNeitherSignsInNorKeepsItsTokens(Fixture fixture, RunningStack stack) {
        String gateway = stack.gateway();
        String username = account(fixture);
        String token = Api.signIn(gateway, username, PASSWORD);

        Api.ok("PUT", gateway + "/api/auth/users/" + username + "/status", fixture.token(Who.ADMIN),
                Map.of("enabled", false));

        assertThat(Api.get(gateway + "/api/villages", token).status()).isEqualTo(401);
        assertThat(Api.send("POST", gateway + "/api/auth/token", null, Map.of("username", username,
                "password", PASSWORD)).status()).isEqualTo(401);
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
