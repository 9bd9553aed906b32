package id.desadigital.village.access;

import static id.desadigital.platform.testing.HttpChecks.unauthorized;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.platform.testing.RefusedTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * A call straight to the service, bypassing the gateway, without a token this service accepts: 401 problem+json for
 * reads and writes alike, and nothing written. The tampered tokens are variants of one the service has just
 * accepted and remembers. Works in regency 36.72.
 */
class TokenRefusalTest extends VillageServiceTest {

    static final String VILLAGE = "36.72.01.2001";

    @BeforeEach
    void registry() {
        importCsv(AccessByRoleTest.HEADER
                + VILLAGE + ",Cigeulis,36.72.01,Cigeulis,36.72,Kota Cilegon,36,Banten\n").expectStatus().isOk();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("id.desadigital.platform.testing.RefusedTokens#all")
    void aCallWithoutAValidTokenIs401ProblemJsonAndWritesNothing(String token) {
        call(HttpMethod.GET, "/api/villages/" + VILLAGE, RefusedTokens.REMEMBERED).expectStatus().isOk();

        unauthorized(call(HttpMethod.GET, "/api/villages/" + VILLAGE, token));
        unauthorized(call(HttpMethod.PUT, "/api/villages/" + VILLAGE + "/head", token));

        get("/api/villages/" + VILLAGE + "/history").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }


    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, String token) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (method == HttpMethod.PUT) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Penyusup", "since", "2026-01-01"));
        }
        return request.exchange();
    }
}
