package dev.mlgitops.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.finding.Suggestions;
import dev.mlgitops.load.SourceMap;
import tools.jackson.databind.JsonNode;

/**
 * Turns networknt's errors into violations with our codes and messages: the value the user wrote,
 * what is allowed, and the closest allowed word when the value looks like a typo.
 */
final class ViolationTranslator {

    /** Keywords that only summarize errors of their subschemas, which say more. */
    private static final Set<String> SUMMARIES = Set.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else");

    /** An environment's overrides, whose unknown fields are what an override cannot change. */
    private static final Pattern OVERRIDES = Pattern.compile("/spec/environments/([^/]+)/overrides");

    private final JsonNode schemaJson;

    ViolationTranslator(JsonNode schemaJson) {
        this.schemaJson = schemaJson;
    }

    List<SchemaViolation> translate(List<Error> errors) {
        List<SchemaViolation> violations = new ArrayList<>();
        List<String> choices = errors.stream().filter(ViolationTranslator::isChoice)
                .map(error -> pointer(error.getSchemaLocation().getFragment())).toList();
        for (Error error : errors) {
            if (isChoice(error)) {
                SchemaViolation violation = choice(error);
                if (!violations.contains(violation)) {
                    violations.add(violation);
                }
            } else if (!isSummaryOfOthers(error, errors) && !isBranchOfChoice(error, choices)) {
                SchemaViolation violation = translate(error);
                if (!violations.contains(violation)) {
                    violations.add(violation);
                }
            }
        }
        return List.copyOf(violations);
    }

    /**
     * A {@code oneOf} whose every branch only requires one field: "exactly one of these fields".
     * Its own message counts branches and its branches' messages ask for every field at once, so
     * one violation says which fields the object gives and that it must give one of them.
     */
    private static boolean isChoice(Error error) {
        if (!"oneOf".equals(error.getKeyword()) || !error.getSchemaNode().isArray() || error.getSchemaNode().isEmpty()) {
            return false;
        }
        for (JsonNode branch : error.getSchemaNode()) {
            if (branch.size() != 1 || branch.path("required").size() != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBranchOfChoice(Error error, List<String> choices) {
        String location = pointer(error.getSchemaLocation().getFragment());
        return choices.stream().anyMatch(choice -> location.startsWith(choice + "/"));
    }

    private static SchemaViolation choice(Error error) {
        List<String> fields = new ArrayList<>();
        error.getSchemaNode().forEach(branch -> fields.add(branch.path("required").get(0).asString()));
        List<String> given = fields.stream().filter(error.getInstanceNode()::has).toList();
        String gives = given.isEmpty() ? "neither " + String.join(" nor ", fields) : "both " + String.join(" and ", given);
        return new SchemaViolation(pointer(error.getInstanceLocation()), Code.SCHEMA_CHOICE,
                Code.SCHEMA_CHOICE.message(gives, String.join(" or ", fields)));
    }

    private static boolean isSummaryOfOthers(Error error, List<Error> errors) {
        return SUMMARIES.contains(error.getKeyword()) && errors.stream()
                .anyMatch(other -> other != error && other.getInstanceLocation().startsWith(error.getInstanceLocation()));
    }

    private SchemaViolation translate(Error error) {
        return switch (error.getKeyword()) {
            case "additionalProperties" -> unknownField(pointer(error.getInstanceLocation()), error);
            case "propertyNames" -> badKey(pointer(error.getInstanceLocation()), error);
            default -> translateValue(error);
        };
    }

    private SchemaViolation translateValue(Error error) {
        String pointer = pointer(error.getInstanceLocation());
        JsonNode value = error.getInstanceNode();
        JsonNode keywordValue = error.getSchemaNode();
        return switch (error.getKeyword()) {
            case "const" -> constant(pointer, value, keywordValue);
            case "required" -> new SchemaViolation(pointer, Code.SCHEMA_REQUIRED, Code.SCHEMA_REQUIRED.message(error.getProperty()));
            case "enum" -> notOneOf(pointer, value, keywordValue);
            case "type" -> new SchemaViolation(pointer, Code.SCHEMA_TYPE, Code.SCHEMA_TYPE.message(new Shown.Text(wrongType(value, keywordValue))));
            case "pattern", "format" -> new SchemaViolation(pointer, Code.SCHEMA_PATTERN,
                    Code.SCHEMA_PATTERN.message(value.asString(), PatternExplanations.of(definitionOf(error))));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
                    "minItems", "maxItems", "minProperties", "maxProperties" -> new SchemaViolation(pointer,
                    Code.SCHEMA_RANGE, Code.SCHEMA_RANGE.message(new Shown.Text(Ranges.describe(error.getKeyword(), keywordValue, value))));
            case "uniqueItems" -> new SchemaViolation(pointer, Code.SCHEMA_INVALID,
                    Code.SCHEMA_INVALID.message("lists the same item twice: remove the repeat"));
            default -> new SchemaViolation(pointer, Code.SCHEMA_INVALID, Code.SCHEMA_INVALID.message(error.getMessage()));
        };
    }

    /** A fixed value; the schema fixes apiVersion and kind, which have codes of their own. */
    private static SchemaViolation constant(String pointer, JsonNode value, JsonNode expected) {
        String written = Values.text(value);
        String wanted = Values.text(expected);
        return switch (pointer) {
            case "/apiVersion" -> new SchemaViolation(pointer, Code.SPEC_API_VERSION, Code.SPEC_API_VERSION.message(written, wanted));
            case "/kind" -> new SchemaViolation(pointer, Code.SPEC_KIND, Code.SPEC_KIND.message(written, wanted));
            default -> new SchemaViolation(pointer, Code.SCHEMA_INVALID,
                    Code.SCHEMA_INVALID.message(
                            new Shown.Text("'" + Shown.value(written) + "' must be '" + Shown.value(wanted) + "'")));
        };
    }

    private SchemaViolation unknownField(String pointer, Error error) {
        String field = error.getProperty();
        List<String> known = knownFields(error.getSchemaLocation().getFragment());
        Matcher overrides = OVERRIDES.matcher(pointer);
        if (overrides.matches() && Suggestions.closest(field, known).isEmpty()) {
            // gitops, metadata, environments: what an override cannot change, and what it can
            String environment = overrides.group(1).replace("~1", "/").replace("~0", "~");
            return new SchemaViolation(pointer + "/" + SourceMap.escape(field), Code.ENV_FIXED,
                    Code.ENV_FIXED.message(environment, field, Shown.list(known)));
        }
        String hint = Suggestions.closest(field, known).map(name -> ", did you mean '" + name + "'?")
                .orElse(known.isEmpty() ? "" : "; known fields: " + Shown.list(known));
        return new SchemaViolation(pointer + "/" + SourceMap.escape(field), Code.SCHEMA_UNKNOWN_FIELD,
                Code.SCHEMA_UNKNOWN_FIELD.message(field, hint));
    }

    /** The properties declared beside the failing {@code additionalProperties}. */
    private List<String> knownFields(NodePath additionalProperties) {
        JsonNode owner = schemaJson.at(pointer(additionalProperties.getParent()));
        List<String> names = new ArrayList<>();
        owner.path("properties").propertyNames().forEach(names::add);
        return names;
    }

    private static SchemaViolation notOneOf(String pointer, JsonNode value, JsonNode allowedNode) {
        String written = Values.text(value);
        List<String> allowed = new ArrayList<>();
        allowedNode.forEach(item -> allowed.add(Values.text(item)));
        String hint = Suggestions.closest(written, allowed).map(name -> " (did you mean '" + name + "'?)").orElse("");
        return new SchemaViolation(pointer, Code.SCHEMA_ENUM, Code.SCHEMA_ENUM.message(written, Shown.list(allowed), hint));
    }

    private static String wrongType(JsonNode value, JsonNode expectedTypes) {
        List<String> expected = new ArrayList<>();
        if (expectedTypes.isArray()) {
            expectedTypes.forEach(type -> expected.add(Values.typeName(type.asString())));
        } else {
            expected.add(Values.typeName(expectedTypes.asString()));
        }
        String message = "expected " + String.join(" or ", expected) + ", found " + Values.describe(value);
        boolean quotingHelps = expectedTypes.toString().contains("string") && (value.isNumber() || value.isBoolean());
        return quotingHelps ? message + " (write it in quotes: \"" + Values.text(value) + "\")" : message;
    }

    /** A map key that breaks {@code propertyNames}: the finding points at the key itself. */
    private static SchemaViolation badKey(String pointer, Error error) {
        String key = error.getProperty();
        String keyPointer = pointer + "/" + SourceMap.escape(key);
        Object[] arguments = error.getArguments();
        String reason = arguments != null && arguments.length > 1 ? String.valueOf(arguments[1]) : "is not valid";
        String ref = error.getSchemaNode().path("$ref").asString();
        if (reason.contains("pattern") && ref.startsWith("#/$defs/")) {
            return new SchemaViolation(keyPointer, Code.SCHEMA_PATTERN,
                    Code.SCHEMA_PATTERN.message(key, PatternExplanations.of(ref.substring("#/$defs/".length()))));
        }
        return new SchemaViolation(keyPointer, Code.SCHEMA_RANGE, Code.SCHEMA_RANGE.message(
                new Shown.Text("the key '" + Shown.value(key) + "' " + Shown.value(reason))));
    }

    /** The {@code $defs} entry a failing keyword belongs to, e.g. {@code quantity} for {@code #/$defs/quantity/pattern}. */
    private static String definitionOf(Error error) {
        NodePath fragment = error.getSchemaLocation().getFragment();
        if (fragment.getNameCount() >= 2 && "$defs".equals(fragment.getName(0))) {
            return fragment.getName(1);
        }
        return "";
    }

    /** A JSON pointer built from the path's parts, escaped as RFC 6901 asks. */
    static String pointer(NodePath path) {
        return IntStream.range(0, path.getNameCount())
                .mapToObj(i -> "/" + SourceMap.escape(String.valueOf(path.getElement(i))))
                .collect(Collectors.joining());
    }
}
