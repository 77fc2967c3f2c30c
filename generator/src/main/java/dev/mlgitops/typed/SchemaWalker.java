package dev.mlgitops.typed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.mlgitops.finding.Suggestions;
import tools.jackson.databind.JsonNode;

/**
 * Checks a value against a {@link SchemaNode} with the API server's structural-schema rules:
 * types, unknown fields (rejected unless preserved), maps, lists, required, enums, int-or-string,
 * nullable, bounds and patterns, and anyOf/oneOf/allOf/not as value validations. Inside those
 * branches unknown fields are not judged, as a structural schema declares its fields outside them.
 */
final class SchemaWalker {

    private static final int KNOWN_SHOWN = 12;

    private SchemaWalker() {
    }

    static List<String> problems(SchemaNode schema, JsonNode value, String path) {
        List<String> problems = new ArrayList<>();
        walk(schema, value, path, true, problems);
        return problems;
    }

    private static void walk(SchemaNode schema, JsonNode value, String path, boolean structural,
            List<String> problems) {
        if (value.isNull()) {
            if (!schema.nullable() && (schema.type().isPresent() || schema.intOrString())) {
                problems.add(where(path) + ": null is not allowed here (expected " + expected(schema) + ")");
            }
            return;
        }
        if (!typeMatches(schema, value)) {
            problems.add(where(path) + ": expected " + expected(schema) + ", got " + describe(value));
            return;
        }
        if (value.isObject()) {
            object(schema, value, path, structural, problems);
        } else if (value.isArray()) {
            array(schema, value, path, structural, problems);
        } else {
            scalar(schema, value, path, problems);
        }
        if (!schema.enumValues().isEmpty() && !schema.enumValues().contains(value)) {
            problems.add(where(path) + ": " + describe(value) + " is not one of " + schema.enumValues().stream()
                    .map(JsonNode::asString).collect(Collectors.joining(", ")));
        }
        combinations(schema, value, path, problems);
    }

    private static boolean typeMatches(SchemaNode schema, JsonNode value) {
        if (schema.intOrString()) {
            return value.isIntegralNumber() || value.isString();
        }
        return schema.type().map(type -> switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        }).orElse(true);
    }

    private static void object(SchemaNode schema, JsonNode value, String path, boolean structural,
            List<String> problems) {
        Map<String, SchemaNode> properties = schema.properties();
        boolean judgeUnknown = structural && schema.closedObject()
                && (schema.type().isPresent() || !properties.isEmpty());
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String name = field.getKey();
            String fieldPath = child(path, name);
            SchemaNode declared = properties.get(name);
            if (declared != null) {
                walk(declared, field.getValue(), fieldPath, structural, problems);
            } else if (schema.additionalProperties().isPresent()) {
                walk(schema.additionalProperties().get(), field.getValue(), fieldPath, structural, problems);
            } else if (judgeUnknown) {
                problems.add(fieldPath + ": " + unknownField(name, properties.keySet()));
            }
        }
        for (String name : schema.required()) {
            if (!value.has(name)) {
                problems.add(child(path, name) + ": required field is missing");
            }
        }
        schema.minProperties().filter(min -> value.size() < min)
                .ifPresent(min -> problems.add(where(path) + ": needs at least " + min + " entries, has " + value.size()));
        schema.maxProperties().filter(max -> value.size() > max)
                .ifPresent(max -> problems.add(where(path) + ": allows at most " + max + " entries, has " + value.size()));
    }

    private static void array(SchemaNode schema, JsonNode value, String path, boolean structural,
            List<String> problems) {
        schema.items().ifPresent(items -> {
            for (int i = 0; i < value.size(); i++) {
                walk(items, value.get(i), path + "[" + i + "]", structural, problems);
            }
        });
        schema.minItems().filter(min -> value.size() < min)
                .ifPresent(min -> problems.add(where(path) + ": needs at least " + min + " items, has " + value.size()));
        schema.maxItems().filter(max -> value.size() > max)
                .ifPresent(max -> problems.add(where(path) + ": allows at most " + max + " items, has " + value.size()));
    }

    private static void scalar(SchemaNode schema, JsonNode value, String path, List<String> problems) {
        if (value.isString()) {
            String text = value.stringValue();
            int length = text.codePointCount(0, text.length());
            schema.minLength().filter(min -> length < min)
                    .ifPresent(min -> problems.add(where(path) + ": must be at least " + min + " characters long"));
            schema.maxLength().filter(max -> length > max)
                    .ifPresent(max -> problems.add(where(path) + ": must be at most " + max + " characters long"));
            schema.pattern().filter(pattern -> !pattern.matcher(text).find())
                    .ifPresent(pattern -> problems.add(where(path) + ": '" + text + "' does not match " + pattern.pattern()));
        } else if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            schema.minimum().ifPresent(min -> {
                int compared = number.compareTo(min);
                if (compared < 0 || (compared == 0 && schema.exclusiveMinimum())) {
                    problems.add(where(path) + ": " + number + " is below the minimum " + min.toPlainString());
                }
            });
            schema.maximum().ifPresent(max -> {
                int compared = number.compareTo(max);
                if (compared > 0 || (compared == 0 && schema.exclusiveMaximum())) {
                    problems.add(where(path) + ": " + number + " is above the maximum " + max.toPlainString());
                }
            });
        }
    }

    private static void combinations(SchemaNode schema, JsonNode value, String path, List<String> problems) {
        for (SchemaNode branch : schema.allOf()) {
            walk(branch, value, path, false, problems);
        }
        if (!schema.anyOf().isEmpty() && schema.anyOf().stream().noneMatch(b -> passes(b, value, path))) {
            problems.add(where(path) + ": matches none of the allowed forms (anyOf)" + firstReason(schema.anyOf(), value, path));
        }
        if (!schema.oneOf().isEmpty()) {
            long matching = schema.oneOf().stream().filter(b -> passes(b, value, path)).count();
            if (matching == 0) {
                problems.add(where(path) + ": matches none of the allowed forms (oneOf)" + firstReason(schema.oneOf(), value, path));
            } else if (matching > 1) {
                problems.add(where(path) + ": matches more than one of the exclusive forms (oneOf)");
            }
        }
        schema.not().filter(forbidden -> passes(forbidden, value, path))
                .ifPresent(forbidden -> problems.add(where(path) + ": matches a forbidden form (not)"));
    }

    private static boolean passes(SchemaNode branch, JsonNode value, String path) {
        List<String> found = new ArrayList<>();
        walk(branch, value, path, false, found);
        return found.isEmpty();
    }

    private static String firstReason(List<SchemaNode> branches, JsonNode value, String path) {
        List<String> found = new ArrayList<>();
        walk(branches.get(0), value, path, false, found);
        return found.isEmpty() ? "" : "; e.g. " + found.get(0);
    }

    private static String unknownField(String name, java.util.Set<String> known) {
        TreeSet<String> sorted = new TreeSet<>(known);
        String hint = Suggestions.closest(name, sorted).map(candidate -> ", did you mean '" + candidate + "'?").orElse("");
        String list = sorted.stream().limit(KNOWN_SHOWN).collect(Collectors.joining(", "));
        String more = sorted.size() > KNOWN_SHOWN ? ", ..." : "";
        return "unknown field" + hint + " (known: " + (sorted.isEmpty() ? "none" : list + more) + ")";
    }

    static String expected(SchemaNode schema) {
        if (schema.intOrString()) {
            return "an integer or a string";
        }
        return schema.type().map(type -> switch (type) {
            case "object", "array", "integer" -> "an " + type;
            default -> "a " + type;
        }).orElse("a value");
    }

    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "'" + value.stringValue() + "'";
        }
        return value.toString();
    }

    /** The path as shown in a message; the object itself has no path. */
    private static String where(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
