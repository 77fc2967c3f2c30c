package dev.mlgitops.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link BlockYaml} writes what Jackson's generator and SnakeYAML's emitter write, byte for byte,
 * or gives up: every tree here is written both ways and compared, the library being the judge.
 */
class BlockYamlTest {

    private static final PlainScalarQuoting QUOTING = new PlainScalarQuoting();

    /** Strings at the edges of the emitter's and the quoting's rules. */
    private static final List<String> TEXTS = List.of("x", "name", "fraud-dev", "500m", "1Gi", "v1", "-x", "--mode",
            "x'", "x\"y", "a\\b", "a b", "a  b", " a", "a ", "-", "- x", "-x y", "?", "? x", "?x", ":", ": x", ":x",
            "a:b", "a: b", "a:", "a #b", "a#b", "#a", ",", "a,b", "[a", "a]", "{a}", "&a", "*a", "!a", "|", ">", "'",
            "\"", "%a", "@a", "`a", "---", "--- a", "...", "a...", "=", "<<", "~", "true", "True", "yes", "no", "on",
            "null", "Null", "5000", "0.5", ".5", "5.", "-5", "-", ".", "-.", "1e3", "+1", "0x1F", "0o17", "010",
            "1_000", "1:20", ".inf", ".NaN", "2024-10-07", "2001-12-14 21:59:43", "registry.example.com/a/b:1.4.2",
            "http://example.com:8080/x?y=1#z", "${datasource}", "{{ $labels.namespace }}", "a\nb", "\n", "\n\n",
            "a\n", "a\n\n", "a\n\n\nb", "\na", "\n a", " a\nb", "a\n b", "  a\n  b\n", "a \nb", "a\nb ", "a\n\n ",
            "{\n  \"title\" : \"x\",\n  \"panels\" : [ ]\n}", "- op: add\n  path: /a\n  value: |-\n    x\n", "a\tb",
            "a\n\tb", "é", "a\u0085b", "a\r\nb", "", "k".repeat(127), "k".repeat(128), "k".repeat(129));

    @Test
    void writesEveryTextAsTheLibraryDoesInEveryPositionOrGivesUp() {
        int covered = 0;
        int cases = 0;
        for (String text : TEXTS) {
            for (JsonNode tree : positions(text)) {
                cases++;
                covered += sameAsTheLibrary(tree) ? 1 : 0;
            }
        }
        // it gives up only on the characters and keys it leaves to the library
        assertThat(covered).isGreaterThan(cases * 2 / 3);
    }

    @Test
    void writesRandomTreesAsTheLibraryDoes() {
        Random random = new Random(20261205L);
        int covered = 0;
        for (int i = 0; i < 1000; i++) {
            covered += sameAsTheLibrary(randomContainer(random, 0)) ? 1 : 0;
        }
        assertThat(covered).isGreaterThan(300);
    }

    @Test
    void writesNumbersBooleansNullsAndEmptyCollectionsAsTheLibraryDoes() {
        ObjectNode tree = KubeYaml.newObject();
        tree.put("int", 8080).put("negative", -3).put("long", 1L << 40).put("yes", true).put("no", false).putNull("nothing");
        tree.putObject("empty");
        tree.putArray("none");
        tree.putArray("list").add(1).add(true).addNull().add(KubeYaml.newObject()).add(JsonNodeFactory.instance.arrayNode());
        assertThat(sameAsTheLibrary(tree)).isTrue();
        assertThat(sameAsTheLibrary(JsonNodeFactory.instance.arrayNode())).isTrue();
        assertThat(sameAsTheLibrary(KubeYaml.newObject())).isTrue();
    }

    @Test
    void givesUpOnWhatItLeavesToTheLibrary() {
        for (String text : List.of("a\tb", "é", "a\r\nb", "a \nb", "a\nb ", " a", "a ")) {
            assertThat(BlockYaml.write(KubeYaml.newObject().put("value", text), QUOTING)).as(text).isNull();
        }
        assertThat(BlockYaml.write(KubeYaml.newObject().put("k".repeat(128), "v"), QUOTING)).isNull();
        assertThat(BlockYaml.write(KubeYaml.newObject().put("", "v"), QUOTING)).isNull();
        assertThat(BlockYaml.write(KubeYaml.newObject().put("x", 0.5), QUOTING)).isNull();
    }

    /** The text as a value, a key, a sequence item, and deeper, in mappings and sequences of each other. */
    private static List<JsonNode> positions(String text) {
        List<JsonNode> trees = new ArrayList<>();
        trees.add(KubeYaml.newObject().put("value", text));
        trees.add(KubeYaml.newObject().put(text, "value"));
        ObjectNode nested = KubeYaml.newObject();
        nested.putObject("spec").put("a", 1).putObject("data").put("x.json", text).put("after", "y");
        trees.add(nested);
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        items.add(text).addObject().put("op", "add").put("value", text).put("path", "/x");
        items.addArray().add(text).addArray().add(text);
        items.addObject().put(text, text).putArray("list").add(text).addObject().put("k", text);
        trees.add(items);
        ObjectNode inList = KubeYaml.newObject();
        inList.putArray("patches").addObject().put("patch", KubeYaml.write(items)).putObject("target").put("kind", text);
        trees.add(inList);
        return trees;
    }

    private static JsonNode randomContainer(Random random, int depth) {
        if (random.nextBoolean()) {
            ObjectNode object = KubeYaml.newObject();
            int size = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                object.set(random.nextInt(5) == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) : "k" + i, randomNode(random, depth + 1));
            }
            return object;
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            array.add(randomNode(random, depth + 1));
        }
        return array;
    }

    private static JsonNode randomNode(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 3 : 6);
        return switch (kind) {
            case 0 -> JsonNodeFactory.instance.stringNode(TEXTS.get(random.nextInt(TEXTS.size())));
            case 1 -> JsonNodeFactory.instance.numberNode(random.nextInt(2000) - 1000);
            case 2 -> random.nextBoolean() ? JsonNodeFactory.instance.booleanNode(random.nextBoolean())
                    : JsonNodeFactory.instance.stringNode(TEXTS.get(random.nextInt(TEXTS.size())) + "\n"
                    + TEXTS.get(random.nextInt(TEXTS.size())));
            default -> randomContainer(random, depth);
        };
    }

    /** Whether it wrote the tree (else the library writes it); when it did, the library's bytes. */
    private static boolean sameAsTheLibrary(JsonNode tree) {
        String direct = BlockYaml.write(tree, QUOTING);
        if (direct == null) {
            return false;
        }
        assertThat(direct).as("%s", tree).isEqualTo(KubeYaml.mapper().writeValueAsString(tree));
        return true;
    }
}
