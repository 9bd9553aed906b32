package id.desadigital.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * What no controller advice caught (an unknown path, a wrong method or media type, a bug) still answers in
 * problem+json, and a bug never shows its stack trace to the client: it is logged here instead.
 */
public class LastResortExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortExceptionHandler.class);

    private final ProblemWriter problems;

    public LastResortExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ErrorResponse response) {
            // Such as Retry-After: part of what the problem tells the client.
            exchange.getResponse().getHeaders().putAll(response.getHeaders());
            var body = response.getBody();
            if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
                body.setType(ApiProblem.type(ApiProblem.slug(HttpStatusCode.valueOf(body.getStatus()))));
            }
            return problems.write(exchange, body);
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The server could not complete the request; it has been logged");
    }
}
