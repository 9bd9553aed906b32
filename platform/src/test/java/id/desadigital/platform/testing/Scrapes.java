package id.desadigital.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Reading a service's {@code /actuator/prometheus} as a Prometheus server does, with the metrics token the tests
 * configure ({@link #PROPERTY}), and the W3C traceparent headers the trace tests send.
 */
public final class Scrapes {

    public static final String TOKEN = "metrics-token-of-the-tests-0123456789";
    /** The property that gives a service under test {@link #TOKEN}, and records every trace. */
    public static final String PROPERTY = "desa.observability.metrics-token=" + TOKEN;
    public static final String SAMPLE_ALL = "management.tracing.sampling.probability=1.0";
    public static final String PATH = "/actuator/prometheus";

    private Scrapes() {
    }

    /** The exposition text, read with the token: 200, Prometheus's text format. */
    public static String scrape(WebTestClient web) {
        String body = web.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).isNotBlank();
        return body;
    }

    /** Without the token, with another one, or with a user's token (even an administrator's): 401, no metrics. */
    public static void refusesAnyoneWithoutTheToken(WebTestClient web) {
        HttpChecks.unauthorized(web.get().uri(PATH).exchange());
        HttpChecks.unauthorized(web.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN + "x")
                .exchange());
        HttpChecks.unauthorized(web.get().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).exchange());
    }

    /** A new W3C traceparent, as a caller that traces its own requests sends it. */
    public static String traceparent() {
        HexFormat hex = HexFormat.of();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }

    /** The trace id a traceparent carries. */
    public static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** The parent span id a traceparent carries. */
    public static String parentId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
