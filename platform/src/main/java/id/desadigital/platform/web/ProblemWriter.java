package id.desadigital.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes a problem+json response outside Spring MVC's handler methods: from the security filters (401, 403) and
 * from the last-resort exception handler.
 */
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException cause) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
        return write(exchange, ApiProblem.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid bearer token is required"));
    }

    public Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException cause) {
        return write(exchange, ApiProblem.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role may not do this"));
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, String title,
            String detail) {
        return write(exchange, ApiProblem.problem(status, slug, title, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (problem.getInstance() == null) {
            problem.setInstance(exchange.getRequest().getURI().resolve(exchange.getRequest().getPath().value()));
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = mapper.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
