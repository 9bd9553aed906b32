package id.desadigital.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import id.desadigital.gateway.support.GatewayTestBase;

/**
 * Browsers may call the API cross-origin only from the configured origins (the shared test context lists
 * {@link GatewayTestBase#ALLOWED_ORIGIN} and one more).
 */
class CorsTest extends GatewayTestBase {

    private static final String STRANGER = "https://phishing.example.test";

    @Test
    void aPreflightFromAListedOriginMayUseTheApisMethodsAndHeaders() {
        for (String origin : new String[] {ALLOWED_ORIGIN, "https://other-portal.example.test"}) {
            web.options().uri("/api/budget/programs/p-1/allocations")
                    .header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                            methods -> assertThat(methods).contains("GET", "POST", "PUT"))
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                            headers -> assertThat(headers.toLowerCase())
                                    .contains("authorization", "content-type", "idempotency-key"))
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)
                    .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);
        }
    }

    @Test
    void aPreflightFromAnUnlistedOriginIsRefusedWithoutAllowOrigin() {
        web.options().uri("/api/villages")
                .header(HttpHeaders.ORIGIN, STRANGER)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void aListedOriginMayNotUseOtherMethodsOrHeaders() {
        web.options().uri("/api/villages")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.options().uri("/api/villages")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-sneaky")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void aCrossOriginCallFromAListedOriginIsAnsweredWithAllowOriginAndWhatAScriptMayRead() {
        String auditor = userToken("cors.auditor", "AUDITOR", null);

        web.method(HttpMethod.GET).uri("/api/villages").headers(h -> h.setBearerAuth(auditor))
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("Retry-After"))
                .expectBody().jsonPath("$.service").isEqualTo("village");
    }

    @Test
    void aCrossOriginCallFromAnUnlistedOriginIsRefusedBeforeItReachesAService() {
        web.get().uri("/api/public/realization")
                .header(HttpHeaders.ORIGIN, STRANGER)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.service").doesNotExist();
    }

    @Test
    void theGatewaysOwnPagesCallingItAreNotCrossOrigin() {
        web.post().uri("/api/auth/token")
                .header(HttpHeaders.ORIGIN, "http://localhost:" + port)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
