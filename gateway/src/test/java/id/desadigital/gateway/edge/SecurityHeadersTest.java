package id.desadigital.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import id.desadigital.gateway.support.BackendStandIn;
import id.desadigital.gateway.support.GatewayTestBase;

/** Every response carries the browser security headers once, whoever produced it. */
class SecurityHeadersTest extends GatewayTestBase {

    static final Map<String, String> EXPECTED = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'");

    @Test
    void everyKindOfResponseCarriesEachSecurityHeaderExactlyOnce() {
        String auditor = userToken("headers.auditor", "AUDITOR", null);
        Map<String, Supplier<EntityExchangeResult<byte[]>>> responses = new LinkedHashMap<>();
        responses.put("gateway's own 200", () -> web.get().uri("/api/auth/me")
                .headers(h -> h.setBearerAuth(auditor)).exchange().expectBody().returnResult());
        responses.put("proxied 200", () -> web.get().uri("/api/villages")
                .headers(h -> h.setBearerAuth(auditor)).exchange().expectBody().returnResult());
        responses.put("proxied 200 whose service sends its own", () -> web.get().uri("/api/villages")
                .headers(h -> {
                    h.setBearerAuth(auditor);
                    h.set(BackendStandIn.SEND_OWN_SECURITY_HEADERS, "yes");
                }).exchange().expectBody().returnResult());
        responses.put("public page request", () -> web.get().uri("/api/public/realization").exchange()
                .expectBody().returnResult());
        responses.put("JWKS", () -> web.get().uri("/.well-known/jwks.json").exchange().expectBody().returnResult());
        responses.put("400", () -> web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{").exchange().expectBody().returnResult());
        responses.put("401", () -> web.get().uri("/api/villages").exchange().expectBody().returnResult());
        responses.put("403", () -> web.get().uri("/api/auth/users").headers(h -> h.setBearerAuth(auditor))
                .exchange().expectBody().returnResult());
        responses.put("404", () -> web.get().uri("/no-such-page.html").exchange().expectBody().returnResult());
        responses.put("413", () -> keepAliveClient().post().uri("/api/budget/programs").headers(h -> h.setBearerAuth(auditor))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(1024 * 1024 + 1))
                .exchange().expectBody().returnResult());
        responses.put("429", () -> {
            for (int i = 0; i < 5; i++) {
                requestToken("headers.locked", "wrong-" + i);
            }
            return requestToken("headers.locked", "wrong-6");
        });

        responses.forEach((what, request) -> {
            EntityExchangeResult<byte[]> result = request.get();
            if (what.matches("\\d{3}")) {
                assertThat(result.getStatus().value()).as(what).isEqualTo(Integer.parseInt(what));
            }
            HttpHeaders headers = result.getResponseHeaders();
            EXPECTED.forEach((name, value) -> assertThat(headers.get(name)).as("%s: %s", what, name)
                    .containsExactly(value));
        });
    }
}
