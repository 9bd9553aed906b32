package id.desadigital.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a client is told when a request fails for a reason that is not its input. */
class LastResortExceptionHandlerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LastResortExceptionHandler handler = new LastResortExceptionHandler(new ProblemWriter(JSON));

    @Test
    void aStoreThatDoesNotAnswerIsA503ToSendAgainNotAnInternalError() {
        assertUnavailable(new DataAccessResourceFailureException("Timed out while waiting for a server",
                new MongoTimeoutException("Timed out while waiting for a server")));
        assertUnavailable(new MongoSocketOpenException("Exception opening socket", new ServerAddress("store", 27017)));
        // However deep the driver's error is wrapped on its way up.
        assertUnavailable(new IllegalStateException("write failed", new MongoTimeoutException("no server")));
    }

    @Test
    void anythingElseIsA500ThatShowsNoStackTrace() {
        MockServerWebExchange exchange = post();

        StepVerifier.create(handler.handle(exchange, new IllegalStateException("a bug at Secret.java:42")))
                .verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("Secret", "IllegalState");
    }

    private void assertUnavailable(Throwable failure) {
        MockServerWebExchange exchange = post();

        StepVerifier.create(handler.handle(exchange, failure)).verifyComplete();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(Long.toString(LastResortExceptionHandler.RETRY_AFTER.toSeconds()));
        JsonNode problem = JSON.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("title").asString()).isEqualTo("Unavailable");
        assertThat(problem.path("detail").asString()).contains("again", "Idempotency-Key");
    }

    private static MockServerWebExchange post() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/budget/allocations/a-1/spending").build());
    }
}
