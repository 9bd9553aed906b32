package id.desadigital.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import id.desadigital.gateway.support.GatewayTestBase;

/**
 * No connection carries a second request, so none can meet reactor/reactor-netty#4361 (ConnectionCloseWebFilter):
 * pages, their files and the API alike; a 413 keeps its connection, so that the refused body is read past.
 */
class ConnectionCloseTest extends GatewayTestBase {

    @Test
    void everyAnswerButA413ClosesItsConnection() {
        web.get().uri("/sign-in.html").exchange()
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close");
        web.get().uri("/api/villages").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close");
        web.get().uri("/api/public/realization").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONNECTION, "close");
        keepAliveClient().post().uri("/api/budget/programs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(1024 * 1024 + 1)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().doesNotExist(HttpHeaders.CONNECTION);
    }
}
