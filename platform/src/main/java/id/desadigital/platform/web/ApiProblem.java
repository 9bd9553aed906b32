package id.desadigital.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the API owes the client an explanation for. Rendered as application/problem+json by Spring's own
 * ErrorResponse handling, so use cases throw (or emit) one of these and never build HTTP responses themselves.
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

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable", detail);
    }

    /** A body past the size the endpoint accepts: the client must send less, not something else. */
    public static ApiProblem contentTooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large", detail);
    }

    static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type(slug));
        body.setTitle(title);
        return body;
    }

    /** The slug of a status without one of its own: its name, such as {@code method-not-allowed}. */
    static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.name().toLowerCase().replace('_', '-');
    }

    static URI type(String slug) {
        return URI.create("urn:desa-digital:problem:" + slug);
    }

    /** One invalid input field; {@code field} is the JSON property or query parameter name. */
    public record FieldError(String field, String message) {
    }
}
