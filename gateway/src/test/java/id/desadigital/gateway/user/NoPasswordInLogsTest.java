package id.desadigital.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.gateway.support.GatewayTestBase;

/**
 * Passwords sent to the gateway never appear in its output, even with the web stack and the gateway's own code
 * logging at TRACE (where Spring's JSON decoder logs every decoded request body).
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPasswordInLogsTest extends GatewayTestBase {

    private static final List<String> VERBOSE = List.of("org.springframework.web", "org.springframework.http",
            "org.springframework.security", "org.springframework.cloud.gateway", "id.desadigital");

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void logEverything() {
        adminToken(); // before TRACE: the admin's first sign-in is not what this test is about
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
    }

    @AfterEach
    void logAsBefore() {
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void noPasswordOfAnyAccountEndpointReachesTheOutput(CapturedOutput output) {
        String created = "Created-Pw-7Q4ZKX";
        String setByAdmin = "Admin-Set-Pw-9W3RTM";
        String ownNew = "Own-New-Pw-5H8JNB";
        String wrongGuess = "Wrong-Guess-Pw-2D6VFC";
        String admin = token("admin", ADMIN_PASSWORD);

        send(HttpMethod.POST, "/api/auth/users", admin,
                "{\"username\":\"quiet.user\",\"password\":\"" + created + "\",\"role\":\"AUDITOR\"}")
                .expectStatus().isCreated();
        token("quiet.user", created);
        send(HttpMethod.POST, "/api/auth/token", null, credentials("quiet.user", wrongGuess))
                .expectStatus().isUnauthorized();
        send(HttpMethod.PUT, "/api/auth/users/quiet.user/password", admin, "{\"password\":\"" + setByAdmin + "\"}")
                .expectStatus().isNoContent();
        String user = token("quiet.user", setByAdmin);
        send(HttpMethod.PUT, "/api/auth/me/password", user,
                "{\"currentPassword\":\"" + wrongGuess + "\",\"newPassword\":\"" + ownNew + "\"}")
                .expectStatus().isForbidden();
        send(HttpMethod.PUT, "/api/auth/me/password", user,
                "{\"currentPassword\":\"" + setByAdmin + "\",\"newPassword\":\"" + ownNew + "\"}")
                .expectStatus().isNoContent();
        token("quiet.user", ownNew);

        // The decoder did log the bodies it read: the test would prove nothing otherwise.
        assertThat(output.getAll()).contains("Decoded [Credentials[", "Decoded [NewUser[", "Decoded [NewPassword[",
                "Decoded [OwnPasswordChange[");
        assertThat(output.getAll()).doesNotContain(created, setByAdmin, ownNew, wrongGuess, ADMIN_PASSWORD);
    }

    /**
     * Bodies go out as bytes: this test's own client shares the JVM and the loggers, and its JSON encoder would
     * log a map body it serialises, passwords and all; a byte array is logged by its length only.
     */
    private WebTestClient.ResponseSpec send(HttpMethod method, String path, String token, String json) {
        return web.method(method).uri(path)
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }

    private String token(String username, String password) {
        byte[] answer = send(HttpMethod.POST, "/api/auth/token", null, credentials(username, password))
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();
        String body = new String(answer, StandardCharsets.UTF_8);
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }
}
