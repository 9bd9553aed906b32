package id.desadigital.platform.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import reactor.core.publisher.Mono;

/**
 * What no controller advice caught (an unknown path, a wrong method or media type, a bug) still answers in
 * problem+json, and a bug never shows its stack trace to the client: it is logged here instead. A store that does
 * not answer (down, restarting, unreachable) is not a bug: the client is told to send the request again, which for
 * a write with its Idempotency-Key records it once.
 */
public class LastResortExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortExceptionHandler.class);
    /** About what a restarted store needs before it answers again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

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
        if (storeUnavailable(ex)) {
            log.warn("The store did not answer {} {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Unavailable",
                    "The store did not answer; send the request again shortly (a write with the same"
                            + " Idempotency-Key, so that it is recorded once)");
        }
        log.error("Unhandled error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The server could not complete the request; it has been logged");
    }

    /** The store could not be reached or did not answer in time, as the driver or Spring Data's translation says. */
    private static boolean storeUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
