package id.desadigital.gateway.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the API owes the client an explanation for, rendered as application/problem+json (RFC 9457) by
 * {@link ProblemExceptionHandler}, with the headers it carries (such as Retry-After). Use cases emit one of these and
 * never build HTTP responses themselves.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatusCode status, String slug, String title, String detail) {
        super(status, problem(status, slug, title, detail), null);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid");
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static ApiProblem forbidden(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, slug, title, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable", detail);
    }

    /** A 429 whose Retry-After header tells the client when trying again can succeed. */
    public static ApiProblem tooManyRequests(String slug, String title, String detail, long retryAfterSeconds) {
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, slug, title, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problem;
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
    }

    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type(slug));
        body.setTitle(title);
        return body;
    }

    public static URI type(String slug) {
        return URI.create("urn:desa-digital:problem:" + slug);
    }

    /** One invalid input field; {@code field} is the JSON property name. */
    public record FieldError(String field, String message) {
    }
}
