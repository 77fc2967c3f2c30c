package dev.mlgitops.typed;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Types a built-in object as binding it to its fabric8 class did, without loading fabric8's
 * classes: every field is checked against the kind's schema (generated from fabric8's model, see
 * {@code CoreDefinitionsTest}), and the object is handed on as fabric8 would write it back:
 * values in the API's type as Jackson coerced them (a port written {@code "8080"} is 8080, a
 * quantity written {@code 1} is {@code "1"}), nulls and the empty lists and maps fabric8 leaves out
 * left out, the text fields a new fabric8 object holds filled in (a claim template's apiVersion and
 * kind), keys in the order the blueprint wrote them.
 *
 * <p>Stricter than binding where binding was lax or guessed, as the API server is: a fraction is
 * not truncated to an integer; an integer fits its 32 or 64 bits; a quantity follows Kubernetes'
 * grammar; an empty or "null" string is no number or boolean (binding dropped the field), nor is a
 * number a boolean; a scalar is no object (binding built one from a single-field constructor: an
 * image pull secret written as its name); {@code additionalProperties} is a field like any other;
 * required fields must be there.
 */
final class BuiltInKinds {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    // Kubernetes' quantity: a signed decimal number, then a binary or decimal SI suffix or an exponent
    private static final Pattern QUANTITY = Pattern.compile(
            "[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][-+]?[0-9]+)?");

    private BuiltInKinds() {
    }

    private static boolean fits(BigInteger number, boolean wide) {
        return wide ? number.bitLength() <= 63 : number.compareTo(INT_MIN) >= 0 && number.compareTo(INT_MAX) <= 0;
    }

    /** A field the type does not have: its path in the object and the type that lacks it. */
    record Unknown(String path, String type) {
    }

    /** The object as fabric8 would write it, the fields its types lack and what else is wrong. */
    record Typed(ObjectNode manifest, List<Unknown> unknownFields, List<String> problems) {
    }

    static Typed type(SchemaNode schema, ObjectNode object) {
        Walk walk = new Walk();
        ObjectNode manifest = walk.object(schema, object, Location.ROOT);
        return new Typed(manifest, List.copyOf(walk.unknown), List.copyOf(walk.problems));
    }

    /** One object's walk, collecting what is wrong as it goes. */
    private static final class Walk {

        private final List<Unknown> unknown = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        /** The value as fabric8 writes it; {@code null} when it is left out (it was null). */
        private JsonNode value(SchemaNode schema, JsonNode value, Location at) {
            if (value.isNull()) {
                return null;
            }
            if (schema.quantity()) {
                String quantity = value.isString() || value.isNumber() ? value.asString() : null;
                if (quantity == null || !QUANTITY.matcher(quantity).matches()) {
                    problems.add(at.path() + ": " + SchemaWalker.describe(value) + " is no quantity (such as 500m, 2 or 1Gi)");
                    return value;
                }
                return value.isString() ? value : StringNode.valueOf(quantity);
            }
            if (schema.intOrString()) {
                return value.isString() || value.isIntegralNumber() && fits(value.bigIntegerValue(), false)
                        ? value : wrong(schema, value, at);
            }
            if (schema.type().isEmpty()) {
                return value; // anything goes (raw extensions), written back as read
            }
            return switch (schema.type().get()) {
                case "object" -> value instanceof ObjectNode object ? object(schema, object, at) : wrong(schema, value, at);
                case "array" -> value instanceof ArrayNode array ? array(schema, array, at) : wrong(schema, value, at);
                case "string" -> value.isString() ? value
                        : value.isNumber() || value.isBoolean() ? StringNode.valueOf(value.asString()) : wrong(schema, value, at);
                case "integer" -> integer(schema, value, at);
                case "number" -> number(schema, value, at);
                case "boolean" -> bool(schema, value, at);
                default -> value;
            };
        }

        private ObjectNode object(SchemaNode schema, ObjectNode object, Location at) {
            ObjectNode written = NODES.objectNode();
            Map<String, SchemaNode> properties = schema.properties();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                SchemaNode declared = properties.get(name);
                if (declared != null) {
                    JsonNode value = value(declared, field.getValue(), at.child(name));
                    if (value != null && !(declared.omitEmpty() && value.isContainer() && value.isEmpty())) {
                        written.set(name, value);
                    }
                } else if (schema.additionalProperties().isPresent()) {
                    // a map's null values are written as they are
                    JsonNode value = value(schema.additionalProperties().get(), field.getValue(), at.child(name));
                    written.set(name, value == null ? NODES.nullNode() : value);
                } else if (schema.closedObject()) {
                    unknown.add(new Unknown(at.child(name).path(), schema.coreType().orElse("the object")));
                } else {
                    written.set(name, field.getValue());
                }
            }
            schema.initials().forEach((name, initial) -> {
                if (!written.has(name)) {
                    written.set(name, initial);
                }
            });
            for (String name : schema.required()) {
                if (!written.has(name)) {
                    problems.add(at.child(name).path() + ": required field is missing");
                }
            }
            return written;
        }

        private ArrayNode array(SchemaNode schema, ArrayNode array, Location at) {
            ArrayNode written = NODES.arrayNode(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = schema.items().isPresent() ? value(schema.items().get(), array.get(i), at.item(i)) : array.get(i);
                written.add(item == null ? NODES.nullNode() : item);
            }
            return written;
        }

        /** An integer, also from a string of digits or a fraction-free number; 32 bits unless the schema says 64. */
        private JsonNode integer(SchemaNode schema, JsonNode value, Location at) {
            BigInteger number;
            try {
                if (value.isIntegralNumber()) {
                    number = value.bigIntegerValue();
                } else if (value.isNumber()) {
                    number = value.decimalValue().toBigIntegerExact();
                } else if (value.isString() && INTEGER.matcher(value.stringValue().trim()).matches()) {
                    number = new BigInteger(value.stringValue().trim());
                } else {
                    return wrong(schema, value, at);
                }
            } catch (ArithmeticException e) {
                return wrong(schema, value, at);
            }
            boolean wide = schema.format().filter("int64"::equals).isPresent();
            if (!fits(number, wide)) {
                problems.add(at.path() + ": " + number + " does not fit a " + (wide ? "64" : "32") + "-bit integer");
                return value;
            }
            if (value.isIntegralNumber()) {
                return value;
            }
            return wide ? LongNode.valueOf(number.longValue()) : IntNode.valueOf(number.intValue());
        }

        private JsonNode number(SchemaNode schema, JsonNode value, Location at) {
            try {
                if (value.isNumber()) {
                    return DoubleNode.valueOf(value.doubleValue());
                }
                if (value.isString()) {
                    return DoubleNode.valueOf(Double.parseDouble(value.stringValue().trim()));
                }
            } catch (NumberFormatException e) {
                // below
            }
            return wrong(schema, value, at);
        }

        private JsonNode bool(SchemaNode schema, JsonNode value, Location at) {
            if (value.isBoolean()) {
                return value;
            }
            if (value.isString()) {
                switch (value.stringValue()) {
                    case "true", "True", "TRUE" -> {
                        return BooleanNode.TRUE;
                    }
                    case "false", "False", "FALSE" -> {
                        return BooleanNode.FALSE;
                    }
                    default -> {
                        // below
                    }
                }
            }
            return wrong(schema, value, at);
        }

        private JsonNode wrong(SchemaNode schema, JsonNode value, Location at) {
            problems.add(at.path() + ": expected " + SchemaWalker.expected(schema) + ", got " + SchemaWalker.describe(value));
            return value;
        }
    }

    /**
     * Where the walk is, spelled out only when something is wrong: most objects are fine, and
     * building every path as text would cost more than the walk.
     */
    private record Location(Location parent, String key, int index) {

        static final Location ROOT = new Location(null, null, -1);

        Location child(String childKey) {
            return new Location(this, childKey, -1);
        }

        Location item(int itemIndex) {
            return new Location(this, null, itemIndex);
        }

        String path() {
            if (parent == null) {
                return "(root)";
            }
            String path = parent.parent == null ? "" : parent.path();
            if (key == null) {
                return path + "[" + index + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
