package id.desadigital.budget.request;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import id.desadigital.platform.web.ApiProblem;
import id.desadigital.platform.web.ApiProblem.FieldError;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body field by field, by the API's rules, collecting every broken field so that one 400
 * names them all. Stricter than data binding on purpose: money must be a JSON integer (never a string, a fraction
 * or an exponent), within 1..10^13, because a lenient reader would turn "1.5" or "1e3" into some amount nobody sent.
 */
public final class JsonRequest {

    /** Largest amount of one ledger entry (API.md "Conventions"). */
    public static final long MAX_RUPIAH = 10_000_000_000_000L;
    static final Pattern VILLAGE_CODE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");

    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonRequest(JsonNode body) {
        this.body = body;
    }

    public static JsonRequest of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("The request body must be a JSON object");
        }
        return new JsonRequest(body);
    }

    /** A positive amount of whole rupiah, 1 to 10^13. */
    public long rupiah(String field) {
        Long value = integer(field);
        if (value != null && (value < 1 || value > MAX_RUPIAH)) {
            return invalid(field, "must be a whole number of rupiah from 1 to " + MAX_RUPIAH, 0L);
        }
        return value == null ? 0 : value;
    }

    /** A signed change of whole rupiah, not zero, at most 10^13 either way. */
    public long rupiahChange(String field) {
        Long value = integer(field);
        if (value != null && (value == 0 || Math.abs(value) > MAX_RUPIAH)) {
            return invalid(field, "must be a whole number of rupiah, not 0, at most " + MAX_RUPIAH + " either way", 0L);
        }
        return value == null ? 0 : value;
    }

    public int year(String field, int min, int max) {
        Long value = integer(field);
        if (value != null && (value < min || value > max)) {
            return invalid(field, "must be a year from " + min + " to " + max, 0);
        }
        return value == null ? 0 : value.intValue();
    }

    public String text(String field, int maxLength) {
        String value = optionalText(field, maxLength);
        if (value == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
            return invalid(field, "is required", null);
        }
        return value;
    }

    public String optionalText(String field, int maxLength) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            return invalid(field, "must be a non-empty string", null);
        }
        String value = node.asString().strip();
        return value.length() > maxLength ? invalid(field, "must be at most " + maxLength + " characters", null) : value;
    }

    public String matching(String field, Pattern pattern, String shape) {
        String value = text(field, 100);
        if (value != null && !pattern.matcher(value).matches()) {
            return invalid(field, "must look like " + shape, null);
        }
        return value;
    }

    public String villageCode(String field) {
        return matching(field, VILLAGE_CODE, "NN.NN.NN.NNNN");
    }

    public LocalDate date(String field) {
        String value = text(field, 10);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return invalid(field, "must be a date YYYY-MM-DD", null);
        }
    }

    public <E extends Enum<E>> E oneOf(String field, Class<E> type) {
        String value = text(field, 50);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return invalid(field, "must be one of " + List.of(type.getEnumConstants()), null);
    }

    /** Throws the 400 naming every broken field, if any; call once all fields are read. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private Long integer(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return invalid(field, "is required", null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            return invalid(field, "must be a JSON integer", null);
        }
        return node.longValue();
    }

    private <T> T invalid(String field, String message, T placeholder) {
        errors.add(new FieldError(field, message));
        return placeholder;
    }
}
