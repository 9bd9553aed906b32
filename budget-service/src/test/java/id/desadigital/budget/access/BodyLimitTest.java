package id.desadigital.budget.access;

import static id.desadigital.platform.testing.HttpChecks.chunked;
import static id.desadigital.platform.testing.HttpChecks.contentTooLarge;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.BudgetFixtures;
import id.desadigital.platform.testing.HttpChecks;
import reactor.core.publisher.Flux;

/**
 * A JSON body past {@code spring.http.codecs.max-in-memory-size} (MAX_BODY_SIZE, 1 MB by default) is a 413
 * problem+json whether its length was announced or it came chunked, and writes nothing; one under the limit is read
 * and judged on its content.
 */
@BudgetServiceTest
class BodyLimitTest {

    private static final int LIMIT = 1024 * 1024;
    /** A year no other test uses, so that any program written here would show. */
    private static final int YEAR = 2097;

    WebTestClient web;

    /**
     * Kept alive, unlike the other tests' clients: on a connection the client asked to close, the server closes it
     * right after its 413, and a client still sending the body sees the connection reset instead of the answer.
     */
    @BeforeEach
    void client(@Value("${local.server.port}") int port) {
        web = HttpChecks.keepAlive(port);
    }

    @Test
    void aBodyPastTheLimitWithContentLengthIs413() {
        tooLarge(post().contentType(MediaType.APPLICATION_JSON).bodyValue(program(LIMIT + 1)));
        nothingWritten();
    }

    @Test
    void aChunkedBodyPastTheLimitIs413() {
        tooLarge(post().contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunked(program(2 * LIMIT)))));
        nothingWritten();
    }

    @Test
    void aBodyUnderTheLimitIsReadAndJudgedOnItsContent() {
        post().contentType(MediaType.APPLICATION_JSON).bodyValue(program(LIMIT - 1024)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
    }

    private static void tooLarge(WebTestClient.RequestHeadersSpec<?> request) {
        contentTooLarge(request.exchange(), LIMIT);
    }

    private void nothingWritten() {
        web.get().uri("/api/budget/programs?fiscalYear=" + YEAR).header(HttpHeaders.AUTHORIZATION,
                BudgetFixtures.FINANCE).exchange().expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private WebTestClient.RequestBodySpec post() {
        return web.post().uri("/api/budget/programs").header(HttpHeaders.AUTHORIZATION, BudgetFixtures.FINANCE);
    }

    /** A program whose name pads the JSON to {@code size} bytes. */
    private static String program(int size) {
        String start = "{\"fiscalYear\":" + YEAR + ",\"ceiling\":1000000,\"fundingSource\":\"DDS\","
                + "\"activityCode\":\"1.4.08\",\"name\":\"";
        String end = "\"}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }
}
