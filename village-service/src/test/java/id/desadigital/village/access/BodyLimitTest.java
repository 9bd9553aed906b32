package id.desadigital.village.access;

import static id.desadigital.platform.testing.HttpChecks.chunked;
import static id.desadigital.platform.testing.HttpChecks.contentTooLarge;
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
        contentTooLarge(request.exchange(), LIMIT);
    }

    private void nothingChanged() {
        get("/api/villages/" + VILLAGE + "/history").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    private WebTestClient.RequestBodySpec put() {
        return keepAliveHttp().put().uri("/api/villages/" + VILLAGE + "/head")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin());
    }

    /** A head assignment whose name pads the JSON to {@code size} bytes. */
    private static String head(int size) {
        String start = "{\"since\":\"2026-01-05\",\"name\":\"";
        String end = "\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }
}
