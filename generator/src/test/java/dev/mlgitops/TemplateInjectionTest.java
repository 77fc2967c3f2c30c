package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.yaml.KubeYaml;
import dev.mlgitops.yaml.WholeCodePointReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import dev.mlgitops.build.Builder;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.BuildOptions;

/**
 * Template injection, as a property: whatever text a user puts in a free-text field of the
 * reference spec (newlines, ': ', '#', quotes, '{{', '${', '<#', YAML tags, anchors, aliases,
 * unicode), the generated tree is the one the same spec with a harmless word there generates,
 * with that word replaced by the text: the text arrives exactly as written, and no key,
 * document, object or file appears or goes.
 */
class TemplateInjectionTest {

    /**
     * Every field of the reference the schema leaves free text, as JSON pointers; targetRevision is
     * not one any more: it must be a Git ref name.
     */
    private static final List<String> FREE_TEXT = List.of(
            "/metadata/description",
            "/spec/tenancy/cloudIdentity/role",
            "/spec/secrets/entries/feast-redis/key",
            "/spec/featureStore/registry",
            "/spec/featureStore/onlineStore/type",
            "/spec/featureStore/offlineStore/type",
            "/spec/training/nightly/steps/extract/command/2",
            "/spec/training/nightly/steps/train/env/MLFLOW_EXPERIMENT_NAME",
            "/spec/training/distributed/command/2",
            "/spec/modelRegistry/artifactRoot",
            "/spec/serving/scorer/model/format",
            "/spec/serving/explainer/args/1",
            "/spec/serving/explainer/env/LOG_LEVEL",
            "/spec/serving/explainer/secretEnv/REDIS_PASSWORD/key");

    private static final JsonMapper ESCAPING_JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** The word the baseline puts in every free-text field; it occurs nowhere else. */
    private static final String PROBE = "probe7f3c";

    private final Map<String, List<JsonNode>> baseline = parse(generate(PROBE));

    // a fixed seed: the build sees the same 200 strings every time; change it to explore others
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, seed = "20261128")
    void freeTextArrivesExactlyAndAddsNothing(@ForAll("hostileText") String text) {
        Map<String, List<JsonNode>> expected = new LinkedHashMap<>();
        baseline.forEach((file, documents) -> expected.put(file, documents.stream().map(d -> replaced(d, text)).toList()));

        Map<String, List<JsonNode>> actual = parse(generate(text));

        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((file, documents) -> assertThat(documents).as(file).isEqualTo(expected.get(file)));
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> fragments = Arbitraries.of("\n", "\r\n", "\t", ": ", " #", "# ", "'", "\"", "''", "{{ .Values.x }}",
                "${jndi:ldap://x}", "${x}", "<#assign x=1>", "</#if>", "!!python/object:os.system ", "!!str", "!binary ",
                "&anchor ", "*alias", "<<: *a", "---", "...", "- ", "? ", "| ", "> ", "%YAML 1.1", "@", "`", "[", "]",
                "{", "}", ",", "\\", "\\n", "true", "null", "~", "0x1F", "1e3", "-1", "010", "yes", " ", "é", "日本",
                "😀", "\u0085", "\u2028", "\u00a0", "\ufeff", "kind: Secret", "metadata:\n  name: x");
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\ud7ff')
                .ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(fragments, printable).list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    }

    /** The tree the reference generates with {@code text} in every free-text field. */
    private static OutputTree generate(String text) {
        try {
            ObjectNode spec = (ObjectNode) KubeYaml.mapper().readTree(CaseFolders.REFERENCE.toFile());
            for (String pointer : FREE_TEXT) {
                put(spec, pointer, text);
            }
            Path folder = Files.createTempDirectory("injection");
            Path file = folder.resolve(CaseFolders.SPEC);
            // JSON is YAML: every character reaches the loader escaped, independent of any YAML writer
            // (non-ASCII too: a raw NEL or line separator inside a quoted scalar is a line break to YAML)
            Files.writeString(file, ESCAPING_JSON.writeValueAsString(spec));
            BuildOutcome generation = Builder.build(file, BuildOptions.defaults());
            Files.delete(file);
            Files.delete(folder);
            assertThat(generation.findings().sorted()).as("the spec stays valid").noneMatch(f -> f.isError());
            return generation.tree().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode root, String pointer, String text) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        assertThat(parent.isMissingNode()).as("%s exists in the reference", pointer).isFalse();
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), text);
        } else {
            ((ObjectNode) parent).put(last, text);
        }
    }

    /** Each file's documents, parsed. */
    private static Map<String, List<JsonNode>> parse(OutputTree tree) {
        Map<String, List<JsonNode>> documents = new LinkedHashMap<>();
        tree.files().forEach((path, text) -> {
            if (!path.endsWith(".yaml")) {
                return; // PREREQUISITES.md, README.md: prose, and none of it from the spec's free text
            }
            List<JsonNode> parsed = new ArrayList<>();
            // a bootstrap.yaml holds two documents
            try (MappingIterator<JsonNode> values = KubeYaml.mapper().readerFor(JsonNode.class)
                    .readValues(new WholeCodePointReader(text))) {
                values.forEachRemaining(document -> parsed.add(withEmbeddedFilesParsed(document)));
            }
            documents.put(path, parsed);
        });
        return documents;
    }

    /**
     * A ConfigMap's YAML or JSON files (feature_store.yaml, a dashboard) as trees, so a value
     * inside them is compared where it lands, not by the quoting its writer chose for it.
     */
    private static JsonNode withEmbeddedFilesParsed(JsonNode document) {
        if (!"ConfigMap".equals(document.path("kind").asString()) || !(document.get("data") instanceof ObjectNode data)) {
            return document;
        }
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        ObjectNode files = (ObjectNode) copy.get("data");
        data.properties().forEach(file -> {
            String name = file.getKey();
            if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                files.set(name, KubeYaml.mapper().readTree(file.getValue().asString()));
            }
        });
        return copy;
    }

    /** A copy of {@code node} with the probe word replaced by {@code text} in every string. */
    private static JsonNode replaced(JsonNode node, String text) {
        if (node.isString()) {
            return StringNode.valueOf(node.asString().replace(PROBE, text));
        }
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(e -> copy.set(e.getKey(), replaced(e.getValue(), text)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(item -> copy.add(replaced(item, text)));
            return copy;
        }
        return node;
    }
}
