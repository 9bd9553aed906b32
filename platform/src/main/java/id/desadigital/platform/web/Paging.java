package id.desadigital.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The API's paging rule: {@code page} from 0, {@code size} 1..500 with 50 by default. Anything else is a 400
 * naming the parameter, never a silently clamped page that would make a client miss rows.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static Paging of(Integer page, Integer size) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new ApiProblem.FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new ApiProblem.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
