package id.desadigital.gateway.edge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The browser-facing security headers on every response: the gateway's own, errors of any kind (401, 403, 404, 413,
 * 429, 5xx) and responses proxied from the services. Written just before the response is committed, after whatever
 * produced it, and with {@code set}, so a service sending the same header yields one header with the gateway's
 * value, not two. First of all filters, so even a response from the filters before security gets them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersWebFilter implements WebFilter {

    private final Map<String, String> headers = new LinkedHashMap<>();

    SecurityHeadersWebFilter(EdgeProperties.Headers properties) {
        // No guessing a response's type from its bytes: a CSV or JSON answer is never run as a script or page.
        headers.put("X-Content-Type-Options", "nosniff");
        // No page of this system may be framed by another site (clickjacking); CSP frame-ancestors says the same.
        headers.put("X-Frame-Options", "DENY");
        // Links out of the portal must not tell other sites which village or program page someone was on.
        headers.put("Referrer-Policy", "no-referrer");
        if (StringUtils.hasText(properties.contentSecurityPolicy())) {
            headers.put("Content-Security-Policy", properties.contentSecurityPolicy().trim());
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
            headers.forEach(responseHeaders::set);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
