package dev.mlgitops.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * YAML as mlgitops writes it: minimal quotes, block style for multi-line strings, no document
 * marker, and Kubernetes' usual key order (apiVersion, kind, metadata, spec, ...) rather than the
 * alphabet. The same tree always gives the same bytes.
 */
public final class KubeYaml {

    private static final List<String> TOP_ORDER = List.of("apiVersion", "kind", "metadata", "spec");
    private static final List<String> METADATA_ORDER = List.of("name", "namespace", "labels", "annotations");

    private static final YAMLMapper MAPPER = YAMLMapper.builder(
                    YAMLFactory.builder().stringQuotingChecker(new PlainScalarQuoting()).build())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            // without this, minimized quotes write the string "0.5" as the number 0.5
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private KubeYaml() {
    }

    /** The shared mapper, for reading YAML text into trees and for binding. */
    public static YAMLMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The YAML text of one object, keys in Kubernetes order. */
    public static String write(JsonNode node) {
        JsonNode ordered = node instanceof ObjectNode object ? ordered(object) : node;
        return MAPPER.writeValueAsString(ordered);
    }

    /**
     * A copy with apiVersion, kind, metadata and spec first (then the rest as they came), name,
     * namespace, labels and annotations first in metadata, and label and annotation keys sorted.
     */
    public static ObjectNode ordered(ObjectNode object) {
        ObjectNode copy = reorder(object, TOP_ORDER);
        if (copy.get("metadata") instanceof ObjectNode metadata) {
            ObjectNode orderedMetadata = reorder(metadata, METADATA_ORDER);
            for (String sorted : List.of("labels", "annotations")) {
                if (orderedMetadata.get(sorted) instanceof ObjectNode map) {
                    orderedMetadata.set(sorted, sortedKeys(map));
                }
            }
            copy.set("metadata", orderedMetadata);
        }
        return copy;
    }

    private static ObjectNode reorder(ObjectNode object, List<String> first) {
        ObjectNode copy = newObject();
        for (String key : first) {
            if (object.has(key)) {
                copy.set(key, object.get(key));
            }
        }
        List<String> rest = new ArrayList<>();
        object.propertyNames().forEach(rest::add);
        for (String key : rest) {
            if (!first.contains(key)) {
                copy.set(key, object.get(key));
            }
        }
        return copy;
    }

    private static ObjectNode sortedKeys(ObjectNode map) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        map.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode copy = newObject();
        sorted.forEach(copy::set);
        return copy;
    }
}
