package id.desadigital.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jwt.SignedJWT;

import id.desadigital.gateway.support.GatewayTestBase;

/**
 * An admin lists accounts, sets passwords and disables accounts; a user changes their own password. What follows
 * at the door: old tokens and disabled accounts are refused at once.
 */
class AccountManagementTest extends GatewayTestBase {

    private WebTestClient.ResponseSpec put(String path, String token, Object body) {
        return web.method(HttpMethod.PUT).uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return web.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void expectRefused(String token) {
        me(token).expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/villages").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }

    // ---- listing

    @Test
    void anAdminListsAccountsPagedWithoutPasswordHashes() {
        userToken("list.auditor", "AUDITOR", null);
        userToken("list.finance", "FINANCE_OFFICER", null);
        String admin = adminToken();

        web.get().uri("/api/auth/users?page=0&size=500").headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(500)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(3))
                .jsonPath("$.items[?(@.username == 'admin')].role").isEqualTo("ADMIN")
                .jsonPath("$.items[?(@.username == 'list.auditor')].role").isEqualTo("AUDITOR")
                .jsonPath("$.items[?(@.username == 'list.auditor')].enabled").isEqualTo(true)
                .jsonPath("$.items[?(@.username == 'list.auditor')].createdBy").isEqualTo("admin")
                .consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
                        .doesNotContain("passwordHash", "$2a$", "secret-pw"));
        web.get().uri("/api/auth/users?size=2").headers(h -> h.setBearerAuth(admin))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2);
        // In username order: the second page starts where the first ended.
        var first = web.get().uri("/api/auth/users?page=0&size=1").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        var second = web.get().uri("/api/auth/users?page=1&size=1").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(username(second)).isGreaterThan(username(first));
    }

    @SuppressWarnings("unchecked")
    private static String username(Map<?, ?> page) {
        return (String) ((java.util.List<Map<String, Object>>) page.get("items")).get(0).get("username");
    }

    @Test
    void pagingOutsideTheRulesIs400NamingTheParameter() {
        String admin = adminToken();
        for (String query : new String[] {"page=-1", "size=0", "size=501", "size=lots"}) {
            String parameter = query.substring(0, query.indexOf('='));
            web.get().uri("/api/auth/users?" + query).headers(h -> h.setBearerAuth(admin))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(parameter);
        }
    }

    @Test
    void onlyAnAdminManagesAccounts() {
        String auditor = userToken("nosy.auditor", "AUDITOR", null);

        web.get().uri("/api/auth/users").headers(h -> h.setBearerAuth(auditor)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put("/api/auth/users/admin/password", auditor, Map.of("password", "taken-over-pw-1")).expectStatus()
                .isForbidden();
        put("/api/auth/users/admin/status", auditor, Map.of("enabled", false)).expectStatus().isForbidden();
        web.get().uri("/api/auth/users").exchange().expectStatus().isUnauthorized();
    }

    // ---- an admin sets a password

    @Test
    void afterAnAdminSetsAPasswordOnlyTheNewOneSignsInAndEarlierTokensAreRefused() {
        String before = userToken("reset.me", "AUDITOR", null);
        me(before).expectStatus().isOk();

        put("/api/auth/users/reset.me/password", adminToken(), Map.of("password", "fresh-start-2026"))
                .expectStatus().isNoContent();

        expectRefused(before);
        assertThat(requestToken("reset.me", passwordOf("reset.me")).getStatus().value()).isEqualTo(401);
        me(signIn("reset.me", "fresh-start-2026")).expectStatus().isOk();
    }

    @Test
    void aSetPasswordFollowsTheRulesOfANewOneAndNamesAKnownUser() {
        String admin = adminToken();

        put("/api/auth/users/admin/password", admin, Map.of("password", "short"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        put("/api/auth/users/admin/password", admin, Map.of("password", "x".repeat(73)))
                .expectStatus().isBadRequest();
        put("/api/auth/users/nobody.here/password", admin, Map.of("password", "long-enough-pw"))
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        put("/api/auth/users/admin/password", admin, "{\"password\":")
                .expectStatus().isBadRequest();
        // Nothing above changed the admin's password.
        me(admin).expectStatus().isOk();
    }

    @Test
    void anAdminsNewPasswordLiftsALockFromFailedSignIns() {
        userToken("locked.out", "AUDITOR", null);
        for (int i = 0; i < 6; i++) {
            requestToken("locked.out", "forgot-it-" + i);
        }
        assertThat(requestToken("locked.out", passwordOf("locked.out")).getStatus().value()).isEqualTo(429);

        put("/api/auth/users/locked.out/password", adminToken(), Map.of("password", "remembered-now"))
                .expectStatus().isNoContent();

        assertThat(requestToken("locked.out", "remembered-now").getStatus().value()).isEqualTo(200);
    }

    // ---- a user changes their own password

    @Test
    void aUserChangesTheirOwnPasswordAndMustSignInAgain() {
        String before = userToken("own.change", "FINANCE_OFFICER", null);

        put("/api/auth/me/password", before, Map.of("currentPassword", passwordOf("own.change"),
                "newPassword", "my-own-new-pw-1")).expectStatus().isNoContent();

        expectRefused(before);
        assertThat(requestToken("own.change", passwordOf("own.change")).getStatus().value()).isEqualTo(401);
        me(signIn("own.change", "my-own-new-pw-1")).expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("FINANCE_OFFICER");
    }

    @Test
    void aWrongCurrentPasswordIs403AndChangesNothing() {
        String token = userToken("own.wrong", "AUDITOR", null);

        put("/api/auth/me/password", token, Map.of("currentPassword", "not-my-password",
                "newPassword", "would-be-new-pw"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:wrong-password")
                .jsonPath("$.status").isEqualTo(403);

        me(token).expectStatus().isOk();
        assertThat(requestToken("own.wrong", "would-be-new-pw").getStatus().value()).isEqualTo(401);
        assertThat(requestToken("own.wrong", passwordOf("own.wrong")).getStatus().value()).isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordWithAStolenTokenRunsIntoTheSignInLock() {
        String token = userToken("own.guessed", "AUDITOR", null);
        for (int i = 0; i < 5; i++) {
            put("/api/auth/me/password", token,
                    Map.of("currentPassword", "guess-" + i, "newPassword", "attackers-pw-1"))
                    .expectStatus().isForbidden();
        }

        put("/api/auth/me/password", token, Map.of("currentPassword", passwordOf("own.guessed"),
                "newPassword", "attackers-pw-1"))
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
    }

    @Test
    void aNewOwnPasswordFollowsTheRules() {
        String token = userToken("own.rules", "AUDITOR", null);

        put("/api/auth/me/password", token, Map.of("newPassword", "short"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'currentPassword')]").exists()
                .jsonPath("$.errors[?(@.field == 'newPassword')]").exists();
        me(token).expectStatus().isOk();
    }

    // ---- enabling and disabling

    @Test
    void aDisabledUserCannotSignInAndTheirTokensAreRefusedUntilEnabledAgain() {
        String before = userToken("off.and.on", "AUDITOR", null);
        me(before).expectStatus().isOk();

        put("/api/auth/users/off.and.on/status", adminToken(), Map.of("enabled", false))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("off.and.on")
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.passwordHash").doesNotExist();

        expectRefused(before);
        var rightPassword = requestToken("off.and.on", passwordOf("off.and.on"));
        var wrongPassword = requestToken("off.and.on", "not-the-password");
        assertThat(rightPassword.getStatus().value()).isEqualTo(401);
        assertThat(new String(rightPassword.getResponseBodyContent(), StandardCharsets.UTF_8))
                .isEqualTo(new String(wrongPassword.getResponseBodyContent(), StandardCharsets.UTF_8));

        put("/api/auth/users/off.and.on/status", adminToken(), Map.of("enabled", true))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(true);
        me(signIn("off.and.on", passwordOf("off.and.on"))).expectStatus().isOk();
        // Enabling again does not bring back the tokens from before the account was disabled.
        expectRefused(before);
    }

    @Test
    void theBootstrapAdminCannotDisableThemself() {
        String admin = adminToken();

        put("/api/auth/users/admin/status", admin, Map.of("enabled", false))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        me(admin).expectStatus().isOk();
    }

    @Test
    void aStatusNamesAKnownUserAndSaysTrueOrFalse() {
        String admin = adminToken();

        put("/api/auth/users/nobody.here/status", admin, Map.of("enabled", false)).expectStatus().isNotFound();
        put("/api/auth/users/admin/status", admin, Map.of())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("enabled");
        put("/api/auth/users/admin/status", admin, "{\"enabled\":\"perhaps\"}").expectStatus().isBadRequest();
    }

    // ---- the second a change happens in

    @Test
    void aTokenFromJustBeforeAPasswordChangeIsRefusedAndOneFromJustAfterInTheSameSecondIsNot() throws Exception {
        userToken("same.second", "AUDITOR", null);
        String admin = adminToken();
        String password = passwordOf("same.second");
        for (int round = 1; round <= 3; round++) {
            // Start early in a second, so that old token, change and new token fall in the same one.
            await().pollInterval(Duration.ofMillis(5)).until(() -> Instant.now().getNano() < 100_000_000);
            String before = signIn("same.second", password);
            String next = "same-second-pw-" + round;
            put("/api/auth/users/same.second/password", admin, Map.of("password", next)).expectStatus().isNoContent();
            String after = signIn("same.second", next);

            expectRefused(before);
            me(after).expectStatus().isOk();
            assertThat(SignedJWT.parse(after).getJWTClaimsSet().getIssueTime())
                    .isAfter(SignedJWT.parse(before).getJWTClaimsSet().getIssueTime());
            password = next;
        }
    }
}
