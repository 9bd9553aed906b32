package id.desadigital.gateway.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.netty.http.client.HttpClient;

/**
 * The one Spring context most gateway tests share: the real gateway on a random port, Mongo played by the
 * in-memory stand-in, a real Kafka broker ({@link KafkaStandIn}), village-service and budget-service played by
 * {@link BackendStandIn}s, two instances of each. The rate limit is off
 * here (its own test turns it on) so tests never trip over each other's requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "desa.identity.admin-password=" + GatewayTestBase.ADMIN_PASSWORD,
        // The cheapest cost BCrypt allows: the tests check behaviour, not hashing speed.
        "desa.identity.bcrypt-strength=4",
        "desa.rate-limit.requests-per-second=0",
        // Browser pages of these origins may call the API (CORS tests); other tests send no Origin.
        "desa.security.cors.allowed-origins=" + GatewayTestBase.ALLOWED_ORIGIN + ", https://other-portal.example.test",
        // Tests sweep the account outbox themselves when they mean to; a sweep of its own at a random moment would
        // publish an event twice.
        "desa.account-events.sweep-interval=1h",
        // An instance a test stopped is offered again soon after it is started again, for the next test.
        "desa.services.skip-unreachable-for=1s",
        // Through a placeholder, so that a test class can point the gateway at another broker (or none).
        "spring.kafka.bootstrap-servers=${test.kafka.brokers}",
        "desa.observability.metrics-token=" + GatewayTestBase.METRICS_TOKEN,
        "management.tracing.sampling.probability=1.0"})
public abstract class GatewayTestBase {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String ALLOWED_ORIGIN = "https://portal.example.test";
    /** What a Prometheus server of the tests sends to read /actuator/prometheus. */
    public static final String METRICS_TOKEN = "metrics-token-of-the-tests-0123456789";

    protected WebTestClient web;

    @Value("${local.server.port}")
    protected int port;

    /**
     * A new connection per request. Reactor Netty 1.3.6's server can stop reading a keep-alive connection when the
     * next request arrives before the previous one's operations ended (reactor/reactor-netty#4361, fixed after
     * 1.3.6): on a loaded machine an occasional request then waited past WebTestClient's 5 s, failing a test at
     * random. These tests are about what the gateway answers, not connection reuse.
     */
    @BeforeEach
    void clientWithoutKeepAlive() {
        web = client(HttpClient.create().keepAlive(false));
    }

    /**
     * A client that keeps connections alive, for requests the gateway refuses before reading their body (413): on a
     * connection the client asked to close, the server closes it right after answering, and a client still sending
     * the body sees the connection reset instead of the answer; on a kept-alive one the server reads past the body.
     */
    protected WebTestClient keepAliveClient() {
        return client(HttpClient.create());
    }

    private WebTestClient client(HttpClient http) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MongoStandIn::uri);
        registry.add("test.kafka.brokers", KafkaStandIn::brokers);
        registry.add("desa.services.village.urls",
                () -> BackendStandIn.urls(BackendStandIn.VILLAGE, BackendStandIn.VILLAGE_2));
        registry.add("desa.services.budget.urls",
                () -> BackendStandIn.urls(BackendStandIn.BUDGET, BackendStandIn.BUDGET_2));
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

    /** The password {@link #userToken} gives the users it creates. */
    protected static String passwordOf(String username) {
        return username + "-secret-pw";
    }

    /** Creates a user through the API as the admin (unless they exist) and signs in as them. */
    protected String userToken(String username, String role, String villageCode) {
        String password = passwordOf(username);
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
