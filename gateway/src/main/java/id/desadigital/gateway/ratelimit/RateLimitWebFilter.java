package id.desadigital.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * Limits each client: a signed-in user by the token's subject (wherever they connect from), anyone else by the
 * connection's address. Runs inside the security chain after authentication; not a bean, so WebFlux does not also
 * put it in the plain filter chain. The address is the TCP peer: behind a proxy, set
 * {@code server.forward-headers-strategy} so it is the client's, not the proxy's.
 */
public class RateLimitWebFilter implements WebFilter {

    private final ClientRateLimiter limiter;
    private final ProblemWriter problems;

    public RateLimitWebFilter(ClientRateLimiter limiter, ProblemWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return clientOf(exchange).flatMap(client -> {
            ClientRateLimiter.Decision decision = limiter.take(client);
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(decision.retryAfterSeconds()));
            return problems.write(exchange, ApiProblem.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", "More than " + limiter.requestsPerSecond() + " requests per second; retry after "
                            + decision.retryAfterSeconds() + " s"));
        });
    }

    private static Mono<String> clientOf(ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication instanceof JwtAuthenticationToken)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> "user:" + authentication.getName())
                .defaultIfEmpty("ip:" + addressOf(exchange));
    }

    private static String addressOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
