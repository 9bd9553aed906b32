package id.desadigital.gateway.edge;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * Cross-origin calls from browsers: allowed only from the configured origins, for the API's methods and the headers
 * its clients send. Before the security filters, because a preflight carries no token and must be answered here,
 * never passed on to a service. A cross-origin request from any other origin is refused with 403 problem+json and
 * no Access-Control-Allow-Origin. Same-origin requests (the gateway's own web pages) are not CORS and pass untouched.
 * Bearer tokens travel in a header, never in cookies, so credentials are not allowed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CorsWebFilter implements WebFilter {

    /** The methods the API uses. */
    private static final List<String> METHODS = List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
            HttpMethod.POST.name(), HttpMethod.PUT.name());
    /** The headers the API's clients send: the token, JSON or CSV bodies, and idempotent ledger writes. */
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key");
    /** Headers a script needs to read from an answer: when to retry, and why a token was refused. */
    private static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE,
            HttpHeaders.LOCATION);

    private final CorsConfiguration configuration = new CorsConfiguration();
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemWriter problems;

    CorsWebFilter(EdgeProperties.Cors properties, ProblemWriter problems) {
        this.problems = problems;
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, ApiProblem.problem(HttpStatus.FORBIDDEN, "cors-rejected",
                    "Cross-origin request refused",
                    "This origin, method or header is not allowed to call the API from a browser"));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
