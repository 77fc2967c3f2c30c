package dev.mlgitops.schema;

import dev.mlgitops.finding.Shown;
import tools.jackson.databind.JsonNode;

/** How values and JSON types read in a message. */
final class Values {

    private Values() {
    }

    /** The value as the user wrote it: strings bare, anything else as JSON. */
    static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    /** "the integer 48", "a mapping", "null". */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isNull()) {
            return "null";
        }
        String type = value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "string";
        return "the " + type + " " + (value.isString() ? "'" + Shown.value(value.asString()) + "'" : Shown.value(value.toString()));
    }

    /** A JSON Schema type in the words of YAML users: "a mapping", "a list", "a string". */
    static String typeName(String schemaType) {
        return switch (schemaType) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "an integer";
            case "null" -> "null";
            default -> "a " + schemaType;
        };
    }
}
