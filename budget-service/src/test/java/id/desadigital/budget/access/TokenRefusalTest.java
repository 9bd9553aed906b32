package id.desadigital.budget.access;

import static id.desadigital.platform.testing.HttpChecks.unauthorized;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.platform.testing.RefusedTokens;

/**
 * A call straight to the service, bypassing the gateway, without a token this service accepts: 401 problem+json, for
 * reads and writes alike, and nothing written. The tampered tokens are variants of one the service has just
 * accepted and remembers.
 */
@BudgetServiceTest
class TokenRefusalTest {

    /** A year no other test uses, so that any program written here would show. */
    private static final int YEAR = 2098;

    @Autowired
    WebTestClient web;

    @ParameterizedTest(name = "{0}")
    @MethodSource("id.desadigital.platform.testing.RefusedTokens#all")
    void aCallWithoutAValidTokenIs401ProblemJsonAndWritesNothing(String token) {
        call(HttpMethod.GET, "/api/budget/programs", RefusedTokens.REMEMBERED).expectStatus().isOk();

        unauthorized(call(HttpMethod.GET, "/api/budget/programs", token));
        unauthorized(call(HttpMethod.POST, "/api/budget/programs", token));

        call(HttpMethod.GET, "/api/budget/programs?fiscalYear=" + YEAR, RefusedTokens.REMEMBERED)
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }


    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, String token) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (method == HttpMethod.POST) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("fiscalYear", YEAR, "name",
                    "Program palsu", "ceiling", 1_000_000_000, "fundingSource", "PAD", "activityCode", "1.4.08"));
        }
        return request.exchange();
    }
}
