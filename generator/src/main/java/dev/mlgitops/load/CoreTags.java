package dev.mlgitops.load;

import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.core.JsonToken;

/**
 * The tags a spec may carry: those of the YAML 1.2 core schema, where they say what the value is
 * anyway ({@code !!str} on any scalar, {@code !!int} on 3, {@code !!map} on a mapping). A tag of
 * another schema ({@code !!python/object:x}, {@code !!binary}), a local tag ({@code !x}) or a core
 * tag that would change how a value reads ({@code !!float 3} where an integer is asked) is refused.
 */
final class CoreTags {

    private static final String CORE = "tag:yaml.org,2002:";
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

    private CoreTags() {
    }

    /**
     * Why {@code tag} may not stand on a node whose first token is {@code token} and whose text
     * (for a scalar) is {@code text}; empty when it may.
     */
    static Optional<String> refusal(String tag, JsonToken token, String text) {
        if (!tag.startsWith(CORE)) {
            return Optional.of("is not a tag of the YAML core schema (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)");
        }
        String kind = tag.substring(CORE.length());
        boolean fits = switch (kind) {
            case "map" -> token == JsonToken.START_OBJECT;
            case "seq" -> token == JsonToken.START_ARRAY;
            case "str" -> token.isScalarValue() || token == JsonToken.PROPERTY_NAME;
            case "null", "bool", "int", "float" -> text != null && kind.equals(plainKind(text));
            default -> false;
        };
        if (fits) {
            return Optional.empty();
        }
        if (!kind.matches("map|seq|str|null|bool|int|float")) {
            return Optional.of("is not a tag of the YAML core schema (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq)");
        }
        return Optional.of(text == null || token.isStructStart() ? "does not fit the node it stands on"
                : "does not fit the value '" + text + "', which reads as " + article(plainKind(text)));
    }

    /** The tag as written in short form: {@code !!str} for the core schema's. */
    static String shortForm(String tag) {
        return tag.startsWith(CORE) ? "!!" + tag.substring(CORE.length()) : tag;
    }

    /** What an untagged plain scalar of {@code text} is in the core schema. */
    private static String plainKind(String text) {
        if (NULL.matcher(text).matches()) {
            return "null";
        }
        if (BOOL.matcher(text).matches()) {
            return "bool";
        }
        if (INT.matcher(text).matches()) {
            return "int";
        }
        return FLOAT.matcher(text).matches() ? "float" : "str";
    }

    private static String article(String kind) {
        return switch (kind) {
            case "null" -> "null";
            case "bool" -> "a boolean";
            case "int" -> "an integer";
            case "float" -> "a float";
            default -> "a string";
        };
    }
}
