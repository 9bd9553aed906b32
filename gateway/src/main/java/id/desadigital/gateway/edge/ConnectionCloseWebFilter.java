package id.desadigital.gateway.edge;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Answers with {@code Connection: close}, so no connection carries a second request. Reactor Netty 1.3.6 can stop
 * reading a kept-alive HTTP/1.1 connection when the next request arrives before the previous one's operations have
 * ended (reactor/reactor-netty#4361): that request then waits for ever. The system tests met it on one request in
 * about 300; a browser, which sends a page's dozen files over a few kept-alive connections at once, met it in one
 * page load in a few, the page then hanging half loaded. A new connection per request costs a handshake, nothing a
 * client can see.
 *
 * <p>Except a 413: it is sent before the body is read, and closing then would reset the connection under a client
 * still sending, which would see the reset instead of the answer; kept alive, the server reads past the body.
 * {@code desa.gateway.close-connections=false} turns this off once Reactor Netty carries the fix.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@ConditionalOnBooleanProperty("desa.gateway.close-connections")
class ConnectionCloseWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (exchange.getResponse().getStatusCode() != HttpStatus.CONTENT_TOO_LARGE) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
