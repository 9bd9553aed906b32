package id.desadigital.platform.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

/** What every service answers the same way, checked the same way in each service's tests. */
public final class HttpChecks {

    private static final int CHUNK = 64 * 1024;

    /** A hang still fails; a busy two-core machine does not. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private HttpChecks() {
    }

    /**
     * A client of the service on {@code port} that opens a new connection per request. Reactor Netty 1.3.6's server
     * can stop reading a kept-alive connection when the next request arrives before the previous one's operations
     * ended (reactor/reactor-netty#4361): an occasional request then hangs and fails a test at random. These tests
     * are about what the service answers, not connection reuse.
     */
    public static WebTestClient connectionPerRequest(int port) {
        return client(port, HttpClient.create().keepAlive(false));
    }

    /**
     * A client that keeps its connection alive, for a body the service refuses before reading it all (413): on a
     * connection the client asked to close, the server closes it right after answering, and a client still sending
     * sees the connection reset instead of the answer.
     */
    public static WebTestClient keepAlive(int port) {
        return client(port, HttpClient.create());
    }

    private static WebTestClient client(int port, HttpClient http) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http)).baseUrl("http://localhost:" + port)
                .responseTimeout(TIMEOUT).build();
    }

    /** A refused token: 401 problem+json, with the bearer challenge. */
    public static void unauthorized(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:unauthorized");
    }

    /** A body past {@code limit} bytes: 413 problem+json naming the limit. */
    public static void contentTooLarge(WebTestClient.ResponseSpec response, long limit) {
        response.expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:content-too-large")
                .jsonPath("$.detail").isEqualTo("The request body is larger than the " + limit
                        + " bytes this endpoint accepts");
    }

    /** {@code text} as a body of several buffers, which the client sends chunked, without a Content-Length. */
    public static Flux<DataBuffer> chunked(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return Flux.range(0, (body.length + CHUNK - 1) / CHUNK)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(body, i * CHUNK,
                        Math.min(CHUNK, body.length - i * CHUNK))));
    }
}
