package id.desadigital.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.gateway.accountevents.AccountEventBacklog;
import id.desadigital.gateway.support.GatewayTestBase;
import reactor.test.StepVerifier;

/**
 * What an operator reads of the gateway (docs/observability.md): its metrics at /actuator/prometheus behind the
 * metrics token, latency per route among them, and the trace it passes to the service behind it and shows in its
 * access log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends GatewayTestBase {

    private static final String SCRAPE = "/actuator/prometheus";
    private static final String TRACEPARENT = "traceparent";

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @Autowired
    AccountEventBacklog backlog;

    @Test
    void prometheusReadsRequestAndPerRouteHistogramsAndTheAccountOutboxBacklog() {
        web.get().uri("/api/public/villages").exchange().expectStatus().isOk();
        StepVerifier.create(backlog.refresh()).verifyComplete();

        String metrics = web.get().uri(SCRAPE).header(HttpHeaders.AUTHORIZATION, "Bearer " + METRICS_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{application=\"gateway\"")
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"public-villages\""
                        + "[^}]*le=\"0\\.025\"")
                .contains("desa_outbox_pending_documents{application=\"gateway\",outbox=\"users\"}");
    }

    @Test
    void theMetricsAreRefusedWithoutTheMetricsTokenEvenToTheAdmin() {
        unauthorized(web.get().uri(SCRAPE).exchange());
        unauthorized(web.get().uri(SCRAPE).header(HttpHeaders.AUTHORIZATION, "Bearer " + METRICS_TOKEN + "x")
                .exchange());
        unauthorized(web.get().uri(SCRAPE).headers(headers -> headers.setBearerAuth(adminToken())).exchange());
    }

    @Test
    void aProxiedRequestCarriesTheCallersTraceOnWithTheGatewaysOwnSpan() {
        String incoming = traceparent();

        List<String> passed = echoedTraceparents(web.get().uri("/api/public/villages")
                .header(TRACEPARENT, incoming));

        assertThat(passed).hasSize(1);
        String[] parts = passed.get(0).split("-");
        assertThat(parts[1]).isEqualTo(incoming.split("-")[1]);
        assertThat(parts[2]).isNotEqualTo(incoming.split("-")[2]);
    }

    @Test
    void aRequestWithoutATraceStartsOneThatTheServiceReceives() {
        List<String> passed = echoedTraceparents(web.get().uri("/api/public/villages"));

        assertThat(passed).singleElement().asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void theAccessLogLineOfARequestShowsTheTraceTheServiceReceived(CapturedOutput output) {
        logging.setLogLevel(AccessLogWebFilter.LOGGER, LogLevel.DEBUG);
        try {
            String passed = echoedTraceparents(web.get().uri("/api/public/villages?q=secret-search")).get(0);

            String traceId = passed.split("-")[1];
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                    .containsPattern("\\[gateway\\] .* \\[" + traceId + "-[0-9a-f]{16}\\] +desa\\.access +: "
                            + "GET /api/public/villages 200 OK \\d+ ms"));
            assertThat(output.getOut()).doesNotContain("secret-search");
        } finally {
            logging.setLogLevel(AccessLogWebFilter.LOGGER, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> echoedTraceparents(WebTestClient.RequestHeadersSpec<?> request) {
        Map<String, Object> echo = request.exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<String>) echo.get(TRACEPARENT);
    }

    private static void unauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    private static String traceparent() {
        HexFormat hex = HexFormat.of();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
