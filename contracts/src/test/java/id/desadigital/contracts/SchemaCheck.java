package id.desadigital.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The subset of JSON Schema our event schemas use (type, required, properties, additionalProperties: false,
 * pattern, minLength, enum, minimum, maximum), enough to hold samples against them without pulling a validator into the build.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> found = new ArrayList<>();
        check("", schema, value, found);
        return found;
    }

    private static void check(String path, JsonNode schema, JsonNode value, List<String> found) {
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            found.add(path + ": expected " + (type.isArray() ? type.toString() : type.asString()));
            return;
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            schema.path("required").forEach(name -> {
                if (!value.has(name.asString())) {
                    found.add(path + name.asString() + ": required");
                }
            });
            for (String name : value.propertyNames()) {
                JsonNode propertySchema = properties.get(name);
                if (propertySchema != null) {
                    check(path + name, propertySchema, value.get(name), found);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    found.add(path + name + ": not allowed");
                }
            }
        }
        if (value.isString()) {
            JsonNode pattern = schema.get("pattern");
            if (pattern != null && !Pattern.compile(pattern.asString()).matcher(value.asString()).find()) {
                found.add(path + ": does not match pattern");
            }
            JsonNode minLength = schema.get("minLength");
            if (minLength != null && value.asString().length() < minLength.asInt()) {
                found.add(path + ": shorter than " + minLength.asInt());
            }
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null) {
            boolean listed = false;
            for (JsonNode option : allowed) {
                listed |= option.equals(value);
            }
            if (!listed) {
                found.add(path + ": not one of " + allowed);
            }
        }
        JsonNode minimum = schema.get("minimum");
        if (minimum != null && value.isNumber() && value.asLong() < minimum.asLong()) {
            found.add(path + ": below " + minimum.asLong());
        }
        JsonNode maximum = schema.get("maximum");
        if (maximum != null && value.isNumber() && value.asLong() > maximum.asLong()) {
            found.add(path + ": above " + maximum.asLong());
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (typeMatches(option, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "null" -> value.isNull();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
