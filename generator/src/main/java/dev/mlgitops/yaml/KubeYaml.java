package dev.mlgitops.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.snakeyaml.engine.v2.api.LoadSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
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

    /** Declared before the mappers, which use it. */
    private static final PlainScalarQuoting QUOTING = new PlainScalarQuoting();
    private static final YAMLMapper MAPPER = builder().enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE).build();
    /**
     * For a tree with a multi-line string a literal block cannot carry: with minimized quotes every
     * multi-line string becomes a literal block, so this one quotes every string instead.
     */
    private static final YAMLMapper QUOTING_MAPPER = builder().disable(YAMLWriteFeature.MINIMIZE_QUOTES).build();

    /** The factory's reading settings, without marks. */
    private static YAMLFactory unmarked(YAMLFactory factory) {
        YAMLFactoryBuilder builder = factory.rebuild();
        LoadSettings marked = builder.loadSettings();
        return builder.loadSettings(LoadSettings.builder().setSchema(marked.getSchema())
                .setAllowDuplicateKeys(marked.getAllowDuplicateKeys())
                .setMaxAliasesForCollections(marked.getMaxAliasesForCollections())
                .setCodePointLimit(marked.getCodePointLimit())
                .setUseMarks(false).build()).build();
    }

    private static YAMLMapper.Builder builder() {
        return YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(QUOTING).build())
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                // else a string such as a quantity "48" or a label value "4711" is written bare and read back as a number
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLWriteFeature.SPLIT_LINES);
    }

    private KubeYaml() {
    }

    /** The shared mapper, for reading YAML text into trees and for binding. */
    public static YAMLMapper mapper() {
        return MAPPER;
    }

    /**
     * The mapper for reading, with SnakeYAML keeping no positions (marks): cheaper, but a failure
     * says no line. For text that is read again with {@link #mapper()} when it fails.
     */
    public static YAMLMapper unmarkedMapper() {
        return Unmarked.MAPPER;
    }

    /** Built on first use: only typing reads this way, so a run that types nothing (an up-to-date one) builds no second mapper. */
    private static final class Unmarked {
        static final YAMLMapper MAPPER = YAMLMapper.builder(unmarked((YAMLFactory) KubeYaml.MAPPER.tokenStreamFactory())).build();
    }

    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The YAML text of one object, keys in Kubernetes order. */
    public static String write(JsonNode node) {
        JsonNode ordered = node instanceof ObjectNode object ? ordered(object) : node;
        // the same bytes as the mapper's, written directly where they can be (most trees, the large ones included)
        String direct = BlockYaml.write(ordered, QUOTING);
        if (direct != null) {
            return direct;
        }
        return (hasBlockUnsafeText(ordered) ? QUOTING_MAPPER : MAPPER).writeValueAsString(ordered);
    }

    /**
     * Whether a multi-line string holds a character a literal block would not carry back: a
     * carriage return, NEL, a Unicode line or paragraph separator, a byte order mark or another
     * control character. The emitter writes such a block anyway, and the reader drops or folds them.
     */
    static boolean hasBlockUnsafeText(JsonNode node) {
        if (node.isString()) {
            String text = node.asString();
            if (text.indexOf('\n') < 0) {
                return false;
            }
            // a plain loop: the largest texts (a dashboard's JSON, an overlay's patches) are megabytes
            for (int i = 0; i < text.length(); i++) {
                if (unsafeInBlock(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode child : node) {
            if (hasBlockUnsafeText(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafeInBlock(int c) {
        return c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029
                || c == 0xFEFF;
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
