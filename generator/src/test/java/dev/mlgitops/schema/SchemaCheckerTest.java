package dev.mlgitops.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SpecLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaCheckerTest {

    private final Findings findings = new Findings();

    @Test
    void acceptsTheReferenceFileWithoutFindings() {
        LoadedSpec reference = SpecLoader.load(CaseFolders.REFERENCE, "mlproject.yaml", findings).orElseThrow();

        SchemaChecker.shared().check(reference, findings);

        assertThat(CaseFolders.lines(findings)).isEmpty();
    }

    @Test
    void printsTheDesignsExampleLineExactly() {
        LoadedSpec spec = SpecLoader.load(CaseFolders.spec(Path.of("src/test/resources/corpus/schema/design-example")),
                "mlproject.yaml", findings).orElseThrow();

        SchemaChecker.shared().check(spec, findings);

        assertThat(CaseFolders.lines(findings)).containsExactly("mlproject.yaml:42:7: error [MLG-SCHEMA-ENUM] "
                + "spec.serving.scorer.engine: 'kservee' is not one of kserve, deployment, vllm (did you mean 'kserve'?)");
    }

    @Test
    void checksAMergedSpecWithPointersRelativeToIt() {
        ObjectNode spec = (ObjectNode) referenceSpec();
        ((ObjectNode) spec.at("/serving/scorer")).put("engine", "kservee");
        ((ObjectNode) spec.at("/serving/scorer/replicas")).put("min", -1);
        ((ObjectNode) spec.at("/notebooks")).putObject("Bob");

        List<SchemaViolation> violations = SchemaChecker.shared().checkSpec(spec);

        assertThat(violations).containsExactlyInAnyOrder(
                new SchemaViolation("/serving/scorer/engine", Code.SCHEMA_ENUM,
                        "'kservee' is not one of kserve, deployment, vllm (did you mean 'kserve'?)"),
                new SchemaViolation("/serving/scorer/replicas/min", Code.SCHEMA_RANGE, "must be at least 0, found -1"),
                new SchemaViolation("/notebooks/Bob", Code.SCHEMA_PATTERN, "'Bob' is not a DNS-1035 label: use lowercase "
                        + "letters, digits and '-', starting with a letter and ending with a letter or digit"),
                new SchemaViolation("/notebooks/Bob", Code.SCHEMA_REQUIRED, "required field 'image' is missing: add it"),
                new SchemaViolation("/notebooks/Bob", Code.SCHEMA_REQUIRED, "required field 'resources' is missing: add it"));
    }

    @Test
    void neverThrowsOnMangledSpecs() throws Exception {
        byte[] reference = Files.readAllBytes(CaseFolders.REFERENCE);
        byte[] noise = "abcZ09_-~/.:{}[]\"".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        int checked = 0;
        for (int run = 0; run < 300; run++) {
            byte[] mangled = reference.clone();
            for (int edit = 0; edit < 1 + run % 6; edit++) {
                mangled[random.nextInt(mangled.length)] = noise[random.nextInt(noise.length)];
            }
            Findings own = new Findings();
            Optional<LoadedSpec> loaded = SpecLoader.load(mangled, "mlproject.yaml", own);
            if (loaded.isPresent()) {
                SchemaChecker.shared().check(loaded.get(), own);
                checked++;
            }
        }

        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void acceptsTheReferenceSpecSectionOnItsOwn() {
        assertThat(SchemaChecker.shared().checkSpec(referenceSpec())).isEmpty();
    }

    @Test
    void acceptsWholeNumbersWrittenWithoutQuotesAsQuantitiesAsKubernetesDoes() {
        ObjectNode spec = (ObjectNode) referenceSpec();
        ((ObjectNode) spec.at("/tenancy/quota")).put("cpu", 48).put("memory", 0);
        ((ObjectNode) spec.at("/serving/scorer/resources")).put("cpu", 2);
        ((ObjectNode) spec.at("/notebooks/alice")).put("storage", 1073741824);

        assertThat(SchemaChecker.shared().checkSpec(spec)).isEmpty();

        ((ObjectNode) spec.at("/serving/scorer/resources")).put("cpu", 0.5);
        ((ObjectNode) spec.at("/tenancy/quota")).put("cpu", -1);
        assertThat(SchemaChecker.shared().checkSpec(spec)).containsExactlyInAnyOrder(
                new SchemaViolation("/serving/scorer/resources/cpu", Code.SCHEMA_TYPE,
                        "expected an integer or a string, found the number 0.5 (write it in quotes: \"0.5\"): change the value's type"),
                new SchemaViolation("/tenancy/quota/cpu", Code.SCHEMA_RANGE, "must be at least 0, found -1"));
    }

    @Test
    void isOneImmutableInstanceSafeToShareBetweenThreads() throws Exception {
        assertThat(SchemaChecker.shared()).isSameAs(SchemaChecker.shared());
        ObjectNode spec = (ObjectNode) referenceSpec();
        ((ObjectNode) spec.at("/serving/scorer")).put("engine", "kservee");
        List<SchemaViolation> alone = SchemaChecker.shared().checkSpec(spec);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<SchemaViolation>>> runs = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> SchemaChecker.shared().checkSpec(spec))).toList();
            for (Future<List<SchemaViolation>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode referenceSpec() {
        Findings ignored = new Findings();
        return SpecLoader.load(CaseFolders.REFERENCE, "mlproject.yaml", ignored).orElseThrow().root().get("spec").deepCopy();
    }
}
