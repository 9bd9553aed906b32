package id.desadigital.gateway.problem;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

import id.desadigital.gateway.services.ConnectionFailures;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself is problem+json, whether it comes from its own endpoints (unreadable JSON,
 * an unknown path, a wrong method) or from routing (a service that does not answer). Ordered before Boot's
 * default handler (order -1), which would answer in its own JSON shape. A bug never shows its stack trace to the
 * client: it is logged here instead.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    public ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ProblemDetail problem = toProblem(exchange, ex);
        if (ex instanceof ApiProblem apiProblem && !exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().addAll(apiProblem.getHeaders());
        }
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            // RFC 9110: every 401 names the scheme that would work.
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return problems.write(exchange, problem);
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ApiProblem problem) {
            return problem.getBody();
        }
        if (ex instanceof ServerWebInputException input && queryParameterName(input) != null) {
            // A query parameter of the wrong type (page=abc): named like any other invalid field.
            return ApiProblem.invalid(List.of(new ApiProblem.FieldError(queryParameterName(input), "is not valid")))
                    .getBody();
        }
        if (ex instanceof ServerWebInputException) {
            // Jackson's message names internal classes; the client only needs to know its body was unreadable.
            return ApiProblem.problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "The request body is missing or is not valid JSON of the expected shape");
        }
        if (ex instanceof ErrorResponse response) {
            return fromErrorResponse(exchange, response, ex);
        }
        if (causedBy(ex, DataBufferLimitException.class)) {
            return ApiProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                    "The request body is larger than this endpoint accepts");
        }
        if (ConnectionFailures.neverSent(ex)) {
            log.warn("Service behind {} not reachable: {}", exchange.getRequest().getPath(), ex.toString());
            return ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The service behind this path is not reachable; try again shortly");
        }
        if (causedBy(ex, IOException.class)) {
            // Closed before the answer (PrematureCloseException) or reset, as by an instance that died mid-request.
            log.warn("Service behind {} closed the connection: {}", exchange.getRequest().getPath(), ex.toString());
            return ApiProblem.problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                    "The service behind this path closed the connection before answering");
        }
        if (causedBy(ex, TimeoutException.class)) {
            return ApiProblem.problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
                    "The service behind this path did not answer in time");
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return ApiProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The gateway could not complete the request; it has been logged");
    }

    private ProblemDetail fromErrorResponse(ServerWebExchange exchange, ErrorResponse response, Throwable ex) {
        ProblemDetail body = response.getBody();
        HttpStatus status = HttpStatus.valueOf(body.getStatus());
        if (status.is5xxServerError()) {
            log.warn("{} on {} {}: {}", status.value(), exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.toString());
        }
        if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
            body.setType(ApiProblem.type(status.name().toLowerCase().replace('_', '-')));
        }
        if (body.getDetail() == null) {
            body.setDetail(status.getReasonPhrase());
        }
        return body;
    }

    private static String queryParameterName(ServerWebInputException input) {
        MethodParameter parameter = input.getMethodParameter();
        RequestParam param = parameter == null ? null : parameter.getParameterAnnotation(RequestParam.class);
        if (param == null) {
            return null;
        }
        return StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
