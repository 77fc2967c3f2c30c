package dev.mlgitops.typed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON of an {@code openAPIV3Schema} into {@link SchemaNode}s. A node may say
 * {@code "x-mlgitops-core": "PodSpec"}: it then stands for that shared Kubernetes core type
 * (from {@code crds/core/definitions.json}), with any properties of its own added to the core
 * type's, which is how the pruned CRDs keep their extensions of PodSpec or Container.
 */
final class SchemaReader {

    static final String CORE_REF = "x-mlgitops-core";
    /** On a list or map that fabric8 leaves out when empty, as it does when null. */
    static final String OMIT_EMPTY = "x-mlgitops-omit-empty";
    /** On a field a new fabric8 object already holds: binding writes it even where the text had none. */
    static final String DEFAULT = "x-mlgitops-default";
    /** On a value fabric8 reads as a Quantity: written back as a string whatever the text wrote. */
    static final String QUANTITY = "x-mlgitops-quantity";

    private final JsonNode coreDefinitions;
    private final Map<String, JsonNode> expandedCore = new HashMap<>();
    // A bare reference to a core type reads to the same node every time: PodSpec is embedded often.
    private final Map<String, SchemaNode> readCore = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();

    SchemaReader(JsonNode coreDefinitions) {
        this.coreDefinitions = coreDefinitions;
    }

    SchemaNode read(JsonNode schema) {
        if (schema.size() == 1 && schema.has(CORE_REF)) {
            String name = schema.get(CORE_REF).asString();
            SchemaNode known = readCore.get(name);
            if (known == null) {
                known = readNode(expand(schema), Optional.of(name));
                readCore.put(name, known);
            }
            return known;
        }
        return readNode(expand(schema), text(schema, CORE_REF));
    }

    /** @param coreType the core type the node stands for, for messages that name the type lacking a field */
    private SchemaNode readNode(JsonNode node, Optional<String> coreType) {
        Map<String, SchemaNode> properties = new LinkedHashMap<>();
        Map<String, JsonNode> initials = new LinkedHashMap<>();
        if (node.get("properties") instanceof ObjectNode declared) {
            declared.properties().forEach(e -> {
                properties.put(e.getKey(), read(e.getValue()));
                if (e.getValue().get(DEFAULT) != null) {
                    initials.put(e.getKey(), e.getValue().get(DEFAULT));
                }
            });
        }
        JsonNode additional = node.get("additionalProperties");
        Optional<SchemaNode> additionalSchema = additional instanceof ObjectNode
                ? Optional.of(read(additional)) : Optional.empty();
        boolean additionalAllowed = additional != null && additional.isBoolean() && additional.booleanValue();
        return new SchemaNode(
                text(node, "type"),
                properties,
                additionalSchema,
                additionalAllowed,
                node.has("items") ? Optional.of(read(node.get("items"))) : Optional.empty(),
                strings(node.get("required")),
                node.get("enum") instanceof ArrayNode values ? new ArrayList<>(values.values()) : List.of(),
                flag(node, "x-kubernetes-preserve-unknown-fields"),
                flag(node, "x-kubernetes-int-or-string"),
                flag(node, "nullable"),
                readAll(node.get("anyOf")),
                readAll(node.get("oneOf")),
                readAll(node.get("allOf")),
                node.has("not") ? Optional.of(read(node.get("not"))) : Optional.empty(),
                decimal(node, "minimum"),
                flag(node, "exclusiveMinimum"),
                decimal(node, "maximum"),
                flag(node, "exclusiveMaximum"),
                text(node, "pattern").map(Pattern::compile),
                integer(node, "minLength"),
                integer(node, "maxLength"),
                integer(node, "minItems"),
                integer(node, "maxItems"),
                integer(node, "minProperties"),
                integer(node, "maxProperties"),
                text(node, "format"),
                coreType,
                initials,
                flag(node, OMIT_EMPTY),
                flag(node, QUANTITY));
    }

    /** The node with its core reference replaced by the core type plus the node's own keys. */
    private JsonNode expand(JsonNode schema) {
        JsonNode ref = schema.get(CORE_REF);
        if (ref == null) {
            return schema;
        }
        ObjectNode merged = (ObjectNode) coreType(ref.asString()).deepCopy();
        ObjectNode mergedProperties = merged.get("properties") instanceof ObjectNode p
                ? p : merged.putObject("properties");
        Set<String> required = new LinkedHashSet<>(strings(merged.get("required")));
        for (Map.Entry<String, JsonNode> entry : schema.properties()) {
            switch (entry.getKey()) {
                case CORE_REF -> { }
                case "properties" -> entry.getValue().properties()
                        .forEach(p -> mergedProperties.set(p.getKey(), p.getValue()));
                case "required" -> required.addAll(strings(entry.getValue()));
                default -> merged.set(entry.getKey(), entry.getValue());
            }
        }
        if (!required.isEmpty()) {
            ArrayNode list = merged.putArray("required");
            required.forEach(list::add);
        }
        return merged;
    }

    private JsonNode coreType(String name) {
        JsonNode done = expandedCore.get(name);
        if (done != null) {
            return done;
        }
        JsonNode definition = coreDefinitions.get(name);
        if (definition == null) {
            throw new IllegalStateException("no core type '" + name + "' in crds/core/definitions.json");
        }
        if (!expanding.add(name)) {
            throw new IllegalStateException("core type '" + name + "' refers to itself");
        }
        JsonNode expanded = expand(definition);
        expanding.remove(name);
        expandedCore.put(name, expanded);
        return expanded;
    }

    private List<SchemaNode> readAll(JsonNode list) {
        List<SchemaNode> nodes = new ArrayList<>();
        if (list instanceof ArrayNode array) {
            array.forEach(each -> nodes.add(read(each)));
        }
        return nodes;
    }

    private static List<String> strings(JsonNode list) {
        List<String> values = new ArrayList<>();
        if (list instanceof ArrayNode array) {
            array.forEach(each -> values.add(each.asString()));
        }
        return values;
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    private static boolean flag(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    private static Optional<BigDecimal> decimal(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
    }

    private static Optional<Integer> integer(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isIntegralNumber() ? Optional.of(value.intValue()) : Optional.empty();
    }
}
