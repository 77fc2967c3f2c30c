package dev.mlgitops.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SpecLoaderTest {

    private final Findings findings = new Findings();

    @Test
    void loadsTheReferenceFileWithoutFindings() {
        Optional<LoadedSpec> loaded = SpecLoader.load(CaseFolders.REFERENCE, "mlproject.yaml", findings);

        assertThat(findings.isEmpty()).isTrue();
        assertThat(loaded).isPresent();
        assertThat(loaded.get().sourceFile()).isEqualTo("mlproject.yaml");
        assertThat(loaded.get().root().at("/spec/serving/scorer/engine").asString()).isEqualTo("kserve");
        assertThat(loaded.get().root().at("/spec/monitoring/alerts/errorRate/threshold").doubleValue()).isEqualTo(0.02);
    }

    @Test
    void placesMappingEntriesAtTheirKeyAndListItemsAtThemselves() {
        SourceMap sourceMap = SpecLoader.load(CaseFolders.REFERENCE, "mlproject.yaml", findings).orElseThrow().sourceMap();

        assertThat(sourceMap.at("/spec/serving/scorer/engine")).isEqualTo(new Position("mlproject.yaml", 144, 7));
        assertThat(sourceMap.at("/spec/serving/explainer/args/1")).isEqualTo(new Position("mlproject.yaml", 161, 22));
        assertThat(sourceMap.at("/spec/serving/scorer")).isEqualTo(new Position("mlproject.yaml", 143, 5));
        assertThat(sourceMap.at("/spec/serving")).isEqualTo(new Position("mlproject.yaml", 142, 3));
        assertThat(sourceMap.at("/apiVersion")).isEqualTo(new Position("mlproject.yaml", 20, 1));
        assertThat(sourceMap.at("/spec/serving/scorer/notThere")).isEqualTo(new Position("mlproject.yaml", 143, 5));
    }

    @Test
    void rejectsDuplicateKeyWithBothLinesAndReadsOn() {
        Optional<LoadedSpec> loaded = load("metadata:\n  name: one\n  team: a\n  name: two\n  team: b\n");

        assertThat(loaded).isPresent();
        assertThat(CaseFolders.lines(findings)).containsExactly(
                "mlproject.yaml:4:3: error [MLG-YAML-DUPLICATE-KEY] metadata.name: duplicate key 'name' (first at line 2): keep one of them",
                "mlproject.yaml:5:3: error [MLG-YAML-DUPLICATE-KEY] metadata.team: duplicate key 'team' (first at line 3): keep one of them");
    }

    @Test
    void recordsSequenceItemsAtTheirOwnPlace() {
        LoadedSpec loaded = load("a:\n  - x\n  - {b: 1}\n").orElseThrow();

        assertThat(loaded.sourceMap().at("/a/0")).isEqualTo(new Position("mlproject.yaml", 2, 5));
        assertThat(loaded.sourceMap().at("/a/1")).isEqualTo(new Position("mlproject.yaml", 3, 5));
        assertThat(loaded.sourceMap().at("/a/1/b")).isEqualTo(new Position("mlproject.yaml", 3, 6));
    }

    @Test
    void resolvesAliasesToTheAnchoredContent() {
        JsonNode root = SpecLoader.load(CaseFolders.spec(Path.of("src/test/resources/corpus/load/anchors-within-limit")),
                "mlproject.yaml", findings).orElseThrow().root();

        assertThat(root.at("/spec/notebooks/bob")).isEqualTo(root.at("/spec/notebooks/alice"));
        assertThat(root.at("/spec/notebooks/carol/resources/memory").asString()).isEqualTo("8Gi");
    }

    @Test
    void resolvesExactlyFiftyAliases() {
        StringBuilder yaml = new StringBuilder("anchor: &v value\naliases:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("  a").append(i).append(": *v\n");
        }

        JsonNode root = load(yaml.toString()).orElseThrow().root();

        assertThat(findings.isEmpty()).isTrue();
        assertThat(root.at("/aliases/a49").asString()).isEqualTo("value");
    }

    @Test
    void readsYamlOnePointTwoScalarsWithoutGuessing() {
        JsonNode root = load("a: ~\nb: null\nc: yes\nd: on\ne: 010\nf: '2'\ng: 1.5\nh: true\n").orElseThrow().root();

        assertThat(root.get("a").isNull()).isTrue();
        assertThat(root.get("b").isNull()).isTrue();
        assertThat(root.get("c").asString()).isEqualTo("yes");
        assertThat(root.get("d").asString()).isEqualTo("on");
        assertThat(root.get("f").isString()).isTrue();
        assertThat(root.get("g").doubleValue()).isEqualTo(1.5);
        assertThat(root.get("h").booleanValue()).isTrue();
    }

    @Test
    void refusesTagsOutsideTheCoreSchemaWithoutConstructingAnything() {
        JsonNode root = load("a: !!python/object:os.system echo\nb: !!binary aGk=\nc: !!str 3\nd: !!int 4\n")
                .orElseThrow().root();

        assertThat(CaseFolders.lines(findings)).containsExactly(
                "mlproject.yaml:1:4: error [MLG-YAML-TAG] a: the tag '!!python/object:os.system' is not a tag of the YAML"
                        + " core schema (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq): remove it, and quote the value if it is a string",
                "mlproject.yaml:2:4: error [MLG-YAML-TAG] b: the tag '!!binary' is not a tag of the YAML core schema"
                        + " (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq): remove it, and quote the value if it is a string");
        assertThat(root.get("a").asString()).isEqualTo("echo");
        assertThat(root.get("c").asString()).isEqualTo("3");
        assertThat(root.get("d").asInt()).isEqualTo(4);
    }

    @Test
    void refusesATaggedKeyAndAFloatTagOnAnInteger() {
        load("!!python/name:os.system a: 1\nb: !!float 3\nc: !!float 3.5\n");

        assertThat(CaseFolders.lines(findings)).containsExactly(
                "mlproject.yaml:1:1: error [MLG-YAML-TAG] a: the tag '!!python/name:os.system' is not a"
                        + " tag of the YAML core schema (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq): remove it, and quote the value if it is a string",
                "mlproject.yaml:2:4: error [MLG-YAML-TAG] b: the tag '!!float' does not fit the value '3', which reads as an"
                        + " integer: remove it, and quote the value if it is a string");
    }

    @Test
    void refusesABidirectionalControlInAnEscapedKey() {
        load("\"a\\u202Eb\": 1\n");

        assertThat(CaseFolders.lines(findings)).containsExactly("mlproject.yaml:1:1: error [MLG-YAML-BIDI] a\\u202Eb: the bidirectional control"
                + " character U+202E makes the text around it read other than it is: remove it");
    }

    @Test
    void refusesAFileNameWithALineBreakAndReadsNothing() throws IOException {
        Path folder = Files.createTempDirectory("spec-name");
        Path file = Files.writeString(folder.resolve("x.yaml"), "a: 1\n");

        Optional<LoadedSpec> loaded = SpecLoader.load(file, "x\nkind: Secret.yaml", findings);

        assertThat(loaded).isEmpty();
        assertThat(CaseFolders.lines(findings)).containsExactly("mlproject.yaml: error [MLG-YAML-FILE-NAME] the file's name 'x\\u000Akind: Secret.yaml'"
                + " holds a control character: rename the file");
        Files.delete(file);
        Files.delete(folder);
    }

    @Test
    void readsASurrogatePairThatStraddlesTheParsersBuffer() {
        // SnakeYAML Engine reads 1024 chars at a time; a high surrogate as the 1025th overran its buffer
        String yaml = "a: \"" + "x".repeat(1020) + "\uD83D\uDE00\"\n";

        Optional<LoadedSpec> loaded = load(yaml);

        assertThat(findings.isEmpty()).isTrue();
        assertThat(loaded.orElseThrow().root().get("a").asString()).endsWith("x\uD83D\uDE00");
    }

    @Test
    void rejectsNonUtf8WithTheLineAndColumnOfTheBadByte() {
        byte[] latin1 = "apiVersion: mlgitops.dev/v1alpha1\nmetadata:\n  team: M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);

        Optional<LoadedSpec> loaded = SpecLoader.load(latin1, "mlproject.yaml", findings);

        assertThat(loaded).isEmpty();
        assertThat(CaseFolders.lines(findings)).containsExactly(
                "mlproject.yaml:3:10: error [MLG-YAML-ENCODING] the file is not valid UTF-8 (byte 0xFC): save it as UTF-8");
    }

    @Test
    void warnsAboutAByteOrderMarkAndReadsOnAfterIt() {
        byte[] text = "apiVersion: mlgitops.dev/v1alpha1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        Optional<LoadedSpec> loaded = SpecLoader.load(withBom, "mlproject.yaml", findings);

        assertThat(loaded.orElseThrow().root().get("apiVersion").asString()).isEqualTo("mlgitops.dev/v1alpha1");
        assertThat(loaded.get().sourceMap().at("/apiVersion")).isEqualTo(new Position("mlproject.yaml", 1, 1));
        assertThat(CaseFolders.lines(findings)).containsExactly(
                "mlproject.yaml:1:1: warning [MLG-YAML-BOM] the file starts with a byte order mark: save it as UTF-8 without BOM");
    }

    @Test
    void rejectsMoreThanOneMebibyteBeforeParsing() {
        byte[] large = new byte[1024 * 1024 + 1];
        Arrays.fill(large, (byte) '#');

        Optional<LoadedSpec> loaded = SpecLoader.load(large, "mlproject.yaml", findings);

        assertThat(loaded).isEmpty();
        assertThat(CaseFolders.lines(findings)).containsExactly("mlproject.yaml: error [MLG-YAML-TOO-LARGE] "
                + "the file has 1048577 bytes, more than the limit of 1048576: split data out of the spec");
    }

    @Test
    void rejectsALargeFileWithoutReadingIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("mlproject.yaml");
        Files.write(file, new byte[2 * 1024 * 1024]);

        Optional<LoadedSpec> loaded = SpecLoader.load(file, "mlproject.yaml", findings);

        assertThat(loaded).isEmpty();
        assertThat(CaseFolders.lines(findings)).containsExactly("mlproject.yaml: error [MLG-YAML-TOO-LARGE] "
                + "the file has 2097152 bytes, more than the limit of 1048576: split data out of the spec");
    }

    @Test
    void reportsNestingFarBeyondTheLimitOnceWithoutOverflowing() {
        String yaml = "deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        Optional<LoadedSpec> loaded = load(yaml);

        assertThat(loaded).isEmpty();
        assertThat(CaseFolders.lines(findings)).singleElement().asString()
                .startsWith("mlproject.yaml:1:70: error [MLG-YAML-DEPTH] deep[0]")
                .endsWith(": nested deeper than 64 levels: flatten the structure");
    }

    @Test
    void neverThrowsOnMangledInput() throws IOException {
        byte[] reference = Files.readAllBytes(CaseFolders.REFERENCE);
        byte[] noise = ":-[]{}&*!|>'\"#%?,\t\n \u00e9".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        for (int run = 0; run < 300; run++) {
            byte[] mangled = reference.clone();
            for (int edit = 0; edit < 1 + run % 8; edit++) {
                mangled[random.nextInt(mangled.length)] = noise[random.nextInt(noise.length)];
            }
            Findings own = new Findings();

            Optional<LoadedSpec> loaded = SpecLoader.load(mangled, "mlproject.yaml", own);

            assertThat(loaded.isPresent() || own.hasErrors()).as("run %d: empty only with an error", run).isTrue();
        }
    }

    @Test
    void throwsNamingTheFileWhenItCannotBeRead(@TempDir Path folder) {
        Path missing = folder.resolve("mlproject.yaml");

        assertThatThrownBy(() -> SpecLoader.load(missing, "mlproject.yaml", findings))
                .isInstanceOf(MlGitopsException.class)
                .hasMessage("reading mlproject.yaml: the file does not exist");
    }

    private Optional<LoadedSpec> load(String yaml) {
        return SpecLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "mlproject.yaml", findings);
    }
}
