package id.desadigital.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** Whatever goes wrong, the client gets problem+json and never a stack trace or an exception's message. */
class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler =
            new ProblemExceptionHandler(new ProblemWriter(JsonMapper.builder().build()));

    private MockServerWebExchange handle(Throwable error) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/villages"));
        StepVerifier.create(handler.handle(exchange, error)).verifyComplete();
        return exchange;
    }

    @Test
    void aServiceThatDoesNotAcceptConnectionsIs503() {
        var exchange = handle(new RuntimeException(new ConnectException("Connection refused: /10.0.0.5:8081")));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":503", "urn:desa-digital:problem:service-unavailable")
                .doesNotContain("10.0.0.5");
    }

    @Test
    void aServiceInstanceThatDiesMidRequestIs502WhetherItsConnectionClosedOrWasReset() {
        for (Throwable lost : new Throwable[] {new IOException("Connection prematurely closed BEFORE response"),
                new RuntimeException(new IOException("recvAddress(..) failed: Connection reset by peer"))}) {
            var exchange = handle(lost);

            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(exchange.getResponse().getBodyAsString().block())
                    .contains("\"status\":502", "urn:desa-digital:problem:bad-gateway")
                    .doesNotContain("recvAddress");
        }
    }

    @Test
    void aBugIs500WithoutItsMessage() {
        var exchange = handle(new IllegalStateException("secret internal detail"));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":500", "\"title\"", "\"detail\"")
                .doesNotContain("secret internal detail", "IllegalStateException", "at id.");
    }

    @Test
    void unreadableInputIs400WithoutParserInternals() {
        var exchange = handle(new ServerWebInputException("Failed to read HTTP message", null,
                new RuntimeException("tools.jackson.core.exc.StreamReadException: Unexpected end-of-input")));

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain("jackson");
    }
}
