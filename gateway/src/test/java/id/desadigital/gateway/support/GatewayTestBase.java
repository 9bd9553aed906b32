package id.desadigital.gateway.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context most gateway tests share: the real gateway on a random port, Mongo played by the
 * in-memory stand-in, village-service and budget-service played by {@link BackendStandIn}s. The rate limit is off
 * here (its own test turns it on) so tests never trip over each other's requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestPropertySource(properties = {
        "desa.identity.admin-password=" + GatewayTestBase.ADMIN_PASSWORD,
        // The cheapest cost BCrypt allows: the tests check behaviour, not hashing speed.
        "desa.identity.bcrypt-strength=4",
        "desa.rate-limit.requests-per-second=0"})
public abstract class GatewayTestBase {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MongoStandIn::uri);
        registry.add("desa.services.village.url", BackendStandIn.VILLAGE::url);
        registry.add("desa.services.budget.url", BackendStandIn.BUDGET::url);
    }

    protected EntityExchangeResult<byte[]> requestToken(String username, String password) {
        return web.post().uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange()
                .expectBody().returnResult();
    }

    /** Signs in; the bootstrap admin is created right after start, so the first sign-in may have to wait for it. */
    protected String signIn(String username, String password) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var result = web.post().uri("/api/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", username, "password", password))
                    .exchange()
                    .expectBody(Map.class).returnResult();
            if (!result.getStatus().is2xxSuccessful()) {
                return false;
            }
            token[0] = (String) result.getResponseBody().get("access_token");
            return true;
        });
        return token[0];
    }

    protected String adminToken() {
        return signIn("admin", ADMIN_PASSWORD);
    }

    /** Creates a user through the API as the admin (unless they exist) and signs in as them. */
    protected String userToken(String username, String role, String villageCode) {
        String password = username + "-secret-pw";
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        body.put("villageCode", villageCode);
        String admin = adminToken();
        // Retried only so that a test running under a small rate limit can still set itself up.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = web.post().uri("/api/auth/users")
                    .headers(h -> h.setBearerAuth(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectBody().returnResult().getStatus().value();
            return status == 201 || status == 409;
        });
        return signIn(username, password);
    }
}
