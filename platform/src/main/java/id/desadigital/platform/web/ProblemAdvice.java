package id.desadigital.platform.web;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * Turns Spring's own input errors into the API's problem+json shapes: bean-validation failures list every bad
 * field under {@code errors}; unreadable bodies (malformed JSON, a string where a number belongs) say so plainly; a
 * query parameter of the wrong type is named like any other invalid field; a body past the codecs' limit
 * ({@code spring.http.codecs.max-in-memory-size}) is a 413, not the 400 of a malformed one.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    static final String BODY_LIMIT_PROPERTY = "spring.http.codecs.max-in-memory-size";

    /** The configured body limit in bytes, to tell the client; null when only the codecs' own defaults apply. */
    private final Long bodyLimit;

    public ProblemAdvice(Environment environment) {
        this.bodyLimit = Binder.get(environment).bind(BODY_LIMIT_PROPERTY, DataSize.class)
                .map(DataSize::toBytes).orElse(null);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<ApiProblem.FieldError> errors = ex.getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldError(error.getField(),
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        ApiProblem problem = ApiProblem.invalid(errors);
        return handleExceptionInternal(problem, problem.getBody(), headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ApiProblem problem;
        if (ex.getCause() instanceof TypeMismatchException mismatch && parameterName(ex, mismatch) != null) {
            problem = ApiProblem.invalid(parameterName(ex, mismatch), mismatch.getRequiredType() != null
                    && Number.class.isAssignableFrom(mismatch.getRequiredType())
                            ? "must be a whole number" : "has the wrong form");
        } else {
            String detail = ex.getMostSpecificCause() instanceof tools.jackson.core.JacksonException
                    ? "The request body is not valid JSON for this endpoint"
                    : ex.getReason();
            problem = ApiProblem.badRequest(detail == null ? "The request cannot be read" : detail);
        }
        return handleExceptionInternal(problem, problem.getBody(), headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof ContentTooLargeException) {
            ApiProblem problem = ApiProblem.contentTooLarge(bodyLimit == null
                    ? "The request body is larger than this endpoint accepts"
                    : "The request body is larger than the " + bodyLimit + " bytes this endpoint accepts");
            return handleExceptionInternal(problem, problem.getBody(), headers, HttpStatus.CONTENT_TOO_LARGE,
                    exchange);
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    /** Spring's own problems (405, 406, 415, ...) get a type of the API's like every other problem. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ApiProblem.type(ApiProblem.slug(status)));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private static String parameterName(ServerWebInputException ex, TypeMismatchException mismatch) {
        if (mismatch.getPropertyName() != null) {
            return mismatch.getPropertyName();
        }
        return ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
    }
}
