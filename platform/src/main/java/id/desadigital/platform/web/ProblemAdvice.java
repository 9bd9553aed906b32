package id.desadigital.platform.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * Turns Spring's own input errors into the API's problem+json shapes: bean-validation failures list every bad
 * field under {@code errors}; unreadable bodies (malformed JSON, a string where a number belongs) say so plainly.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

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
        String detail = ex.getMostSpecificCause() instanceof tools.jackson.core.JacksonException
                ? "The request body is not valid JSON for this endpoint"
                : ex.getReason();
        ApiProblem problem = ApiProblem.badRequest(detail == null ? "The request cannot be read" : detail);
        return handleExceptionInternal(problem, problem.getBody(), headers, HttpStatus.BAD_REQUEST, exchange);
    }
}
