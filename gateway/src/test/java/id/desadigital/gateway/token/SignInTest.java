package id.desadigital.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import id.desadigital.gateway.support.GatewayTestBase;

class SignInTest extends GatewayTestBase {

    @Test
    void theBootstrapAdminSignsInAndSeesWhoTheyAre() {
        String token = adminToken();

        web.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.role").isEqualTo("ADMIN")
                .jsonPath("$.villageCode").doesNotExist();
    }

    @Test
    void aTokenAnswerIsABearerTokenWithItsLifetimeAndIsNotCached() {
        adminToken();

        web.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.access_token").isNotEmpty()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(3600);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        adminToken();

        var wrongPassword = requestToken("admin", "not-the-password");
        var unknownUser = requestToken("nobody-here", "not-the-password");

        for (var result : java.util.List.of(wrongPassword, unknownUser)) {
            assertThat(result.getStatus().value()).isEqualTo(401);
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(new String(wrongPassword.getResponseBodyContent()).replace("nobody-here", "admin"))
                .isEqualTo(new String(unknownUser.getResponseBodyContent()).replace("nobody-here", "admin"));
        assertThat(new String(wrongPassword.getResponseBodyContent()))
                .contains("\"type\":\"urn:desa-digital:problem:unauthorized\"", "\"status\":401", "\"title\"",
                        "\"detail\"");
    }

    @Test
    void malformedJsonIsA400Problem() {
        web.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"admin\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void missingCredentialsAreNamedField400s() {
        web.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'username')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").exists();
    }

    @Test
    void anEmptyBodyIsA400NotAnError() {
        web.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsSimplyWrong() {
        adminToken();

        var result = requestToken("admin", ADMIN_PASSWORD + "x".repeat(100));

        assertThat(result.getStatus().value()).isEqualTo(401);
    }
}
