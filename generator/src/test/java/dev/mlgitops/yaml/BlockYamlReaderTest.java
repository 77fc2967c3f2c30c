package dev.mlgitops.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.render.ReferenceProject;
import dev.mlgitops.render.RenderedDocument;
import dev.mlgitops.render.Renderer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link BlockYamlReader} against the library it stands in for (SnakeYAML through Jackson, as
 * typing reads): where it reads a text, the trees are equal, node types included; where it
 * declines, the library reads the text.
 */
class BlockYamlReaderTest {

    private static final ObjectReader LIBRARY = KubeYaml.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @Test
    void readsWhatTheEnginesRenderAsTheLibraryDoes() {
        int texts = 0;
        int read = 0;
        List<ResolvedEnvironment> environments =
                List.of(ReferenceProject.base(), ReferenceProject.prod(), ReferenceProject.otherTrainingShapes());
        for (ResolvedEnvironment environment : environments) {
            for (RenderedDocument document : new Renderer(Blueprints.of(Optional.empty())).render(environment, new Findings())) {
                texts++;
                Optional<List<JsonNode>> quick = BlockYamlReader.read(document.yaml());
                if (quick.isPresent()) {
                    read++;
                    assertThat(quick.get()).as(document.blueprint()).isEqualTo(library(document.yaml()));
                }
            }
        }

        // the subset is what blueprints render: every text of the reference, in every engine
        assertThat(texts).isGreaterThan(100);
        assertThat(read).isEqualTo(texts);
    }

    @Test
    void readsTheFilesMlgitopsWritesAsTheLibraryDoes() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("..", "example-repo", "gitops"))) {
            files = walk.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        int read = 0;
        for (Path file : files) {
            String text = Files.readString(file);
            Optional<List<JsonNode>> quick = BlockYamlReader.read(text);
            if (quick.isPresent()) {
                read++;
                assertThat(quick.get()).as(file.toString()).isEqualTo(library(text));
            }
        }

        assertThat(files).hasSizeGreaterThan(140);
        assertThat(read).isEqualTo(files.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: 1\nb: -3\nc: 0\nd: 2147483647\ne: 2147483648\nf: -2147483649\ng: 0.5\nh: 1.50\ni: -0.25\n",
        "cpu: 500m\nmemory: 1Gi\ngpu: 1\nstorage: 10Gi\nk: 2k\nrefresh: 1h\nt: 30s\n",
        "a: 0.0.0.0\nb: 0.0.0.0/0\nc: 10.0.0.0/8\nd: 1.2.3\ne: 1/2\nf: 1.\ng: 1.2.\nh: 127.0.0.1:80\n",
        "a: 00\n", "a: 1.5e3\n", "a: 9223372036854775807\n", "a: ../b\nc: ./d\ne: 0 2 * * *\nf: 3a6a87842e24\ng: 12 34\n",
        "a: .x\n", "a: 1a-b\n", "a: 2x\n", "a: 1b\n", "a: 1o\n", "a: 1E5\n", "a: 1e\n", "a: -1 x\n", "a: 1.5 b\n", "a: ::/0\n", "a: ::x\n", "a: :x\n",
        "args:\n- --host=0.0.0.0\n- -v\n- --port=5000\n- -1\n- -0.5\n- -.5\n- --\n",
        "a: true\nb: false\nc: null\nd:\ne: \"\"\nf: ''\ng: 'it''s'\n",
        "a: \"x \\\"y\\\" \\\\ \\/ \\n\\t \\u00e9\"\nb: \"# not a comment\"\nc: plain text # a comment\nd: a#b\n",
        "a: http://x.example/y?z=1\nb: $(VAR)\nc: /mnt/models\nd: _x\ne: a b  c\nf: tru\ng: nulls\n",
        "a: {}\nb: []\nc: {x: 1, y: \"2\", z: [a, \"b\", {q: r}]}\nd: [1, 2.5, true, null, 3Gi]\ne: {k: v w}\n",
        "list:\n- a\n- 1\n-\n- name: x\n  image: y\n  args: [\"--a\", b]\n- - nested\nafter: 1\n",
        "list:\n  - name: x\n    ports:\n    - containerPort: 8080\n  -\n    name: y\nk: v\n",
        "# a comment\n---\napiVersion: v1\nkind: A\nmetadata:\n  name: a # trailing\n\n  labels:\n    # inside\n    x: \"1\"\n---\n---\nkind: B\n",
        "\"quoted key\": 1\n\"a\\\"b\": 2\nnvidia.com/gpu: 3\napp.kubernetes.io/name: n\n8080: port\n",
        "a: yes\n", "a: No\n", "a: on\n", "a: True\n", "a: NULL\n", "a: ~\n", "a: .5\n", "a: 012\n", "a: 0x1F\n",
        "a: 1e3\n", "a: +1\n", "a: 1_000\n", "a: 12:30\n", "a: 2001-12-14\n", "a: .inf\n", "a: -.inf\n", "a: .nan\n",
        "a: |\n  text\n  more\n\n   indented\nb: |-\n  x\n\n\nc: |+\n  y\n\n\nd:\n- |\n  z\n- 1\n", "a: |\n  x\n\n",
        "a: |\n\n  x\n", "a: |2\n   x\n", "a: | # c\n  x\n", "a: |\n  x\n b: 1\n", "a: |\nb: 1\n", "a: |\n  x\n    \n  y\n",
        "a: >\n  text\n", "a: >\n  text\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a:\n\tb: 1\n",
        "a: caf\u00e9\n", "- a\n- b\n", "plain\n", "a: [1,\n  2]\n", "a: \"two\n  lines\"\n", "a: b: c\n",
        "a: 1\n  b: 2\n", "a:\n  b: 1\n c: 2\n", "a: {x: 1, x: 2}\n", "a: [1, 2,]\n", "a: {x:1}\n", "a: x\n...\n",
        "%YAML 1.2\n---\na: 1\n", "--- a: 1\n", "a: 'two\n  lines'\n", "a: \"\\x41\"\n", "a: \"\\ud83d\"\n", "a: -\n",
        "a: 99999999999999999999\n", "a: -x\n", "a: b\n  c\n", "a: @x\n", "a: `x`\n", "? a\n: b\n", "a: \"x\" y\n",
        "a:\n- 1\nb:\n  - 2\n  - 3\n", "", "\n\n# only a comment\n", "a: \"\"\"\n",
        // found by a review: a literal block ending the text without a line break, "- " where a value belongs
        "a: |\n  x", "a: |+\n  x", "a:\n  b: |\n    x", "a: |\n  x\n\n  y", "a: |+\n  x\n  ", "a: |+\n  x\n\n  ",
        "a: - x\n", "l:\n- a: - x\n", "a: [- x]\n", "a: {b: - x}\n"})
    void agreesWithTheLibraryWhereverItReads(String text) {
        Optional<List<JsonNode>> quick = BlockYamlReader.read(text);
        List<JsonNode> library;
        try {
            library = library(text);
        } catch (RuntimeException e) {
            assertThat(quick).as("the library refuses it: %s", e.getMessage()).isEmpty();
            return;
        }
        quick.ifPresent(documents -> assertThat(documents).isEqualTo(library));
    }

    @Test
    void readsTheCommonConstructsAndDeclinesTheDoubtful() {
        assertThat(BlockYamlReader.read("a: 1\nb: 1Gi\nc: \"x\"\nd: [true]\n")).hasValueSatisfying(documents -> assertThat(
                documents.toString()).isEqualTo("[{\"a\":1,\"b\":\"1Gi\",\"c\":\"x\",\"d\":[true]}]"));
        assertThat(BlockYamlReader.read("e: 2147483648\n")).hasValueSatisfying(documents -> assertThat(
                documents.get(0).get("e").isLong()).isTrue());
        assertThat(BlockYamlReader.read("a: |\n  x\n\n   y\nb: |-\n  z\nc: [--host=0.0.0.0, 0.0.0.0/0, 1h, -1]\n"))
                .hasValueSatisfying(documents -> assertThat(documents.toString())
                        .isEqualTo("[{\"a\":\"x\\n\\n y\\n\",\"b\":\"z\",\"c\":[\"--host=0.0.0.0\",\"0.0.0.0/0\",\"1h\",-1]}]"));
        for (String read : List.of("a: -0\nb: 0.0\nc: -0.0\nd: 1.0\nf: 1.5Gi\ni: 123456789012345678\n",
                "a: b]\nc: d, e\nf: {g: [h, {i: j}], k: \"l\"}\nm: n'o\np: q\"r\n", "list:\n- a\n- 1\n-\n- name: x\n  args: [b]\nafter: 1\n",
                "# c\n---\na: |\n  x\n\n   y\nb: |-\n  z\nc: |+\n  w\n\nd: 0.0.0.0/0\n---\ne: --f=1\n",
                "a: ../b\nc: ./d\ne: 0 2 * * *\nf: 3a6a87842e24\ng: 12 34\nh: [../x, 5 y]\n")) {
            assertThat(BlockYamlReader.read(read)).as(read).hasValue(library(read));
        }
        for (String doubtful : List.of("a: yes\n", "a: ~\n", "a: 012\n", "a: >\n  x\n", "a: 1\na: 2\n", "a: caf\u00e9\n")) {
            assertThat(BlockYamlReader.read(doubtful)).as(doubtful).isEmpty();
        }
    }

    @Test
    void declinesWhatPassesTheLibrarysLimits() {
        // a key longer than SnakeYAML's 1,024 characters, a number longer than Jackson's 1,000, nesting
        // deeper than its 500, a document over SnakeYAML's 3 MiB: the library refuses each
        for (String text : List.of("k".repeat(1025) + ": 1\n", "\"" + "k".repeat(1100) + "\": 1\n",
                "a: {" + "k".repeat(1100) + ": 1}\n", "a:\n- " + "k".repeat(1100) + ": 1\n", "a: 0." + "1".repeat(999) + "\n",
                "a: " + "1".repeat(1000) + ".5\n", "a: " + "[".repeat(501) + "]".repeat(501) + "\n",
                "a: " + "{b: ".repeat(1500) + "c" + "}".repeat(1500) + "\n", "a: " + "x".repeat(3_145_726) + "\n")) {
            assertThat(BlockYamlReader.read(text)).as(text.substring(0, 40)).isEmpty();
            assertThatThrownBy(() -> library(text)).as(text.substring(0, 40)).isInstanceOf(RuntimeException.class);
        }
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            nested.append(" ".repeat(i)).append("k:\n");
        }
        assertThat(BlockYamlReader.read(nested.toString())).isEmpty();
        assertThatThrownBy(() -> library(nested.toString())).isInstanceOf(RuntimeException.class);
    }

    @Test
    void readsRandomTreesAsWrittenLikeTheLibrary() {
        Random random = new Random(20261205);
        int read = 0;
        for (int i = 0; i < 1000; i++) {
            JsonNode tree = randomObject(random, 0);
            String text = KubeYaml.write(tree);
            Optional<List<JsonNode>> quick = BlockYamlReader.read(text);
            if (quick.isPresent()) {
                read++;
                assertThat(quick.get()).as(text).isEqualTo(library(text));
            }
        }
        assertThat(read).isGreaterThan(500);
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        int size = 1 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            object.set(randomWord(random), randomValue(random, depth + 1));
        }
        return object;
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> nodes.numberNode(random.nextInt(20000) - 10000);
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.nullNode();
            case 3 -> nodes.stringNode(randomWord(random));
            case 4 -> nodes.stringNode(randomText(random));
            case 5 -> nodes.numberNode(random.nextInt(1000) / 8.0);
            case 6 -> randomObject(random, depth);
            default -> {
                ArrayNode array = nodes.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static String randomWord(Random random) {
        String[] words = {"name", "a.b/c", "x-y", "true", "null", "1", "0.5", "yes", "500m", "1Gi", "on", "k8s", "_v", "-d"};
        return words[random.nextInt(words.length)];
    }

    private static String randomText(Random random) {
        String alphabet = "ab :#\"'\\-{}[],&*!|>%@`?~.0123456789\u00e9";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** The documents as typing reads them with the library. */
    private static List<JsonNode> library(String text) {
        List<JsonNode> nodes = new ArrayList<>();
        try (JsonParser parser = KubeYaml.unmarkedMapper().createParser(new WholeCodePointReader(text))) {
            while (parser.nextToken() != null) {
                JsonNode node = LIBRARY.readValue(parser);
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    nodes.add(node);
                }
            }
        }
        return nodes;
    }
}
