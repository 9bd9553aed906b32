package id.desadigital.village.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * A JSON body past {@code spring.http.codecs.max-in-memory-size} (MAX_BODY_SIZE, 1 MB by default) is a 413
 * problem+json whether its length was announced or it came chunked, and changes nothing; one under the limit is read
 * and judged on its content. (The area list import has a limit of its own: {@code ImportSizeTest}.) Works in
 * regency 36.75.
 */
class BodyLimitTest extends VillageServiceTest {

    private static final int LIMIT = 1024 * 1024;
    static final String VILLAGE = "36.75.01.2001";

    @BeforeEach
    void registry() {
        importCsv(AccessByRoleTest.HEADER
                + VILLAGE + ",Pagedangan,36.75.01,Pagedangan,36.75,Kota Tangerang,36,Banten\n").expectStatus().isOk();
    }

    @Test
    void aBodyPastTheLimitWithContentLengthIs413() {
        tooLarge(put().contentType(MediaType.APPLICATION_JSON).bodyValue(head(LIMIT + 1)));
        nothingChanged();
    }

    @Test
    void aChunkedBodyPastTheLimitIs413() {
        tooLarge(put().contentType(MediaType.APPLICATION_JSON).body(BodyInserters.fromDataBuffers(chunked(head(2 * LIMIT)))));
        nothingChanged();
    }

    @Test
    void aBodyUnderTheLimitIsReadAndJudgedOnItsContent() {
        put().contentType(MediaType.APPLICATION_JSON).bodyValue(head(LIMIT - 1024)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    private static void tooLarge(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:content-too-large")
                .jsonPath("$.detail").isEqualTo("The request body is larger than the " + LIMIT
                        + " bytes this endpoint accepts");
    }

    private void nothingChanged() {
        get("/api/villages/" + VILLAGE + "/history").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    private WebTestClient.RequestBodySpec put() {
        return http.put().uri("/api/villages/" + VILLAGE + "/head")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin());
    }

    /** A head assignment whose name pads the JSON to {@code size} bytes. */
    private static String head(int size) {
        String start = "{\"since\":\"2026-01-05\",\"name\":\"";
        String end = "\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }
}
