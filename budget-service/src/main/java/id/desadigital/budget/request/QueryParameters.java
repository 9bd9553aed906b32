package id.desadigital.budget.request;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import id.desadigital.platform.web.ApiProblem;

/**
 * Query and path parameters are data, never query syntax: they reach the store only as values compared for
 * equality, and those with a known shape are checked for it first, so that {@code villageCode=.*} is a 400 naming
 * the parameter rather than a search that happens to match nothing.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The village code {@code value} of parameter {@code name}, or null when absent; a malformed one is a 400. */
    public static String villageCode(String name, String value) {
        if (value != null && !JsonRequest.VILLAGE_CODE.matcher(value).matches()) {
            throw ApiProblem.invalid(name, "must look like NN.NN.NN.NNNN");
        }
        return value;
    }

    /** The ISO-8601 instant {@code value} of parameter {@code name}, or null when absent; a malformed one is a 400. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "must be an ISO-8601 instant such as 2026-06-30T00:00:00Z");
        }
    }
}
