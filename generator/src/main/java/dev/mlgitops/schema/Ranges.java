package dev.mlgitops.schema;

import dev.mlgitops.finding.Shown;
import tools.jackson.databind.JsonNode;

/** Messages for the size and range keywords: the limit, and what was found. */
final class Ranges {

    private Ranges() {
    }

    static String describe(String keyword, JsonNode limit, JsonNode value) {
        String bound = limit.toString();
        return switch (keyword) {
            case "minimum" -> "must be at least " + bound + ", found " + value;
            case "maximum" -> "must be at most " + bound + ", found " + value;
            case "exclusiveMinimum" -> "must be more than " + bound + ", found " + value;
            case "exclusiveMaximum" -> "must be less than " + bound + ", found " + value;
            case "minLength" -> limit.asInt() == 1 ? "must not be empty"
                    : "'" + Shown.value(value.asString()) + "' must be at least " + bound + " characters long";
            case "maxLength" -> "'" + Shown.value(value.asString()) + "' has " + value.asString().length()
                    + " characters, more than the " + bound + " allowed";
            case "minItems" -> "must list at least " + bound + " " + plural(limit, "item");
            case "maxItems" -> "must list at most " + bound + " " + plural(limit, "item");
            case "minProperties" -> "must have at least " + bound + " " + plural(limit, "entry");
            case "maxProperties" -> "must have at most " + bound + " " + plural(limit, "entry");
            default -> "is out of range";
        };
    }

    private static String plural(JsonNode count, String noun) {
        if (count.asInt() == 1) {
            return noun;
        }
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }
}
