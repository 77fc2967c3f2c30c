package dev.mlgitops.typed;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One node of a Kubernetes structural schema, reduced to what {@link SchemaWalker} checks.
 * {@code type} is empty for nodes that only validate (inside anyOf/oneOf/allOf) or that keep
 * unknown fields; {@code additionalProperties} is empty when no map values are declared, and
 * {@code additionalAllowed} says whether undeclared keys are accepted without a schema.
 * {@code coreType} names the core type a node stands for; {@code initials} (the properties' values
 * on a new object, by name), {@code omitEmpty} and {@code quantity} say how fabric8 writes the value
 * back; {@link BuiltInKinds} reads those.
 */
record SchemaNode(
        Optional<String> type,
        Map<String, SchemaNode> properties,
        Optional<SchemaNode> additionalProperties,
        boolean additionalAllowed,
        Optional<SchemaNode> items,
        List<String> required,
        List<JsonNode> enumValues,
        boolean preserveUnknownFields,
        boolean intOrString,
        boolean nullable,
        List<SchemaNode> anyOf,
        List<SchemaNode> oneOf,
        List<SchemaNode> allOf,
        Optional<SchemaNode> not,
        Optional<BigDecimal> minimum,
        boolean exclusiveMinimum,
        Optional<BigDecimal> maximum,
        boolean exclusiveMaximum,
        Optional<Pattern> pattern,
        Optional<Integer> minLength,
        Optional<Integer> maxLength,
        Optional<Integer> minItems,
        Optional<Integer> maxItems,
        Optional<Integer> minProperties,
        Optional<Integer> maxProperties,
        Optional<String> format,
        Optional<String> coreType,
        Map<String, JsonNode> initials,
        boolean omitEmpty,
        boolean quantity) {

    SchemaNode {
        // in the schema's order: BuiltInKinds fills in defaults in it, and Map.copyOf's order changes between runs
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        initials = Collections.unmodifiableMap(new LinkedHashMap<>(initials));
        required = List.copyOf(required);
        enumValues = List.copyOf(enumValues);
        anyOf = List.copyOf(anyOf);
        oneOf = List.copyOf(oneOf);
        allOf = List.copyOf(allOf);
    }

    /** Whether this node declares an object shape whose unknown keys must be rejected. */
    boolean closedObject() {
        return !preserveUnknownFields && !additionalAllowed && additionalProperties.isEmpty();
    }
}
