package id.desadigital.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import id.desadigital.gateway.support.GatewayTestBase;

/** Its own context: the shared one runs with the limit off. */
@TestPropertySource(properties = "desa.rate-limit.requests-per-second=2")
class RateLimitTest extends GatewayTestBase {

    private EntityExchangeResult<byte[]> firstRefusal(String token, String path) {
        for (int i = 0; i < 20; i++) {
            var result = web.get().uri(path).headers(h -> {
                if (token != null) {
                    h.setBearerAuth(token);
                }
            }).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                return result;
            }
            assertThat(result.getStatus().value()).isEqualTo(200);
        }
        return null;
    }

    @Test
    void aUserBeyondTheRateGets429WithRetryAfterWhileAnotherUserStillPasses() {
        String auditor = userToken("auditor.busy", "AUDITOR", null);
        String other = userToken("auditor.calm", "AUDITOR", null);

        var limited = firstRefusal(auditor, "/api/villages");

        assertThat(limited).as("20 requests in a row at 2 per second must hit the limit").isNotNull();
        assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(limited.getResponseBodyContent()))
                .contains("\"status\":429", "\"type\":\"urn:desa-digital:problem:rate-limited\"", "\"title\"",
                        "\"detail\"");
        // Counted per user, not per address: the other user's bucket is untouched.
        web.get().uri("/api/villages").headers(h -> h.setBearerAuth(other))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anonymousCallersAreLimitedByAddress() {
        var limited = firstRefusal(null, "/api/public/realization");

        assertThat(limited).isNotNull();
        assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
    }
}
