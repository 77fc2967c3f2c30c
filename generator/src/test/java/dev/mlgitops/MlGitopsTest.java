package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.typed.StructuralSchemas;
import dev.mlgitops.yaml.Header;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

/** The facade end to end on the reference file: every step, in memory and on disk. */
class MlGitopsTest {

    private static final Path REFERENCE = CaseFolders.REFERENCE;

    @Test
    void validatesTheReferenceWithoutErrors() {
        Validation validation = MlGitops.validate(REFERENCE, GenerateOptions.defaults());

        assertThat(validation.findings().sorted()).filteredOn(Finding::isError).isEmpty();
        assertThat(validation.project()).hasValueSatisfying(project ->
                assertThat(project.environments()).extracting(e -> e.name()).containsExactly("dev", "staging", "prod"));
    }

    @Test
    void buildsTheSameBytesTwice() {
        OutputTree first = MlGitops.build(REFERENCE, GenerateOptions.defaults()).tree().orElseThrow();
        OutputTree second = MlGitops.build(REFERENCE, GenerateOptions.defaults()).tree().orElseThrow();

        assertThat(second.files()).isEqualTo(first.files());
        assertThat(first.root()).isEqualTo("projects/fraud-detection");
    }

    @Test
    void everyFileStartsWithTheHeaderAndNamesNoMachinePath() {
        OutputTree tree = MlGitops.build(REFERENCE, GenerateOptions.defaults()).tree().orElseThrow();

        assertThat(tree.files()).allSatisfy((path, text) -> {
            assertThat(text).as(path).startsWith(Header.forSource("mlproject.yaml"));
            assertThat(text).as(path).doesNotContain(System.getProperty("user.dir")).doesNotContain("/root/");
        });
    }

    @Test
    void everyArgoCdObjectPassesItsUpstreamStructuralSchema() {
        OutputTree tree = MlGitops.build(REFERENCE, GenerateOptions.defaults()).tree().orElseThrow();
        StructuralSchemas schemas = StructuralSchemas.shipped();

        Map<String, String> argocd = tree.files().subMap("argocd/", "argocd0");
        // the AppProject, then per environment its root and one Application per stage it has:
        // dev all seven; staging and prod all but notebooks
        assertThat(argocd).hasSize(1 + (1 + 7) + 2 * (1 + 6));
        assertThat(argocd).containsKeys("argocd/appproject.yaml", "argocd/dev/root.yaml", "argocd/staging/root.yaml",
                "argocd/prod/root.yaml", "argocd/dev/apps/feature-store.yaml", "argocd/dev/apps/model-registry.yaml",
                "argocd/dev/apps/notebooks.yaml", "argocd/prod/apps/tenancy.yaml")
                .doesNotContainKey("argocd/prod/apps/notebooks.yaml");
        argocd.forEach((path, text) -> {
            JsonNode object = KubeYaml.mapper().readTree(text);
            assertThat(schemas.problems(object.path("apiVersion").asString(), object.path("kind").asString(), object))
                    .as(path).hasValue(java.util.List.of());
        });
    }

    @Test
    void aSecondGenerateWritesNothing(@TempDir Path output) throws IOException {
        GenerateOptions options = GenerateOptions.defaults().withOutputDirectory(output);

        Generation first = MlGitops.generate(REFERENCE, options);
        Generation second = MlGitops.generate(REFERENCE, options);

        assertThat(first.written().orElseThrow().written()).isNotEmpty();
        assertThat(second.written().orElseThrow().written()).isEmpty();
        assertThat(second.written().orElseThrow().removed()).isEmpty();
        assertThat(Files.readString(output.resolve("projects/fraud-detection/argocd/prod/apps/serving.yaml")))
                .contains("path: projects/fraud-detection/overlays/prod/serving");
    }

    @Test
    void refusesANamespaceThePlatformDeniesOnlyWhenItIsDenied(@TempDir Path folder) {
        Path output = folder.resolve("out");
        GenerateOptions denying = GenerateOptions.defaults().withOutputDirectory(output)
                .withDeniedNamespaces(List.of(" monitoring", "fraud", ""));

        Validation denied = MlGitops.validate(REFERENCE, denying);
        Validation allowed = MlGitops.validate(REFERENCE, GenerateOptions.defaults().withOutputDirectory(output));

        assertThat(denied.findings().sorted()).extracting(f -> f.format("mlproject.yaml")).containsExactly(
                "mlproject.yaml:160:7: error [MLG-CHECK-RESERVED-NAMESPACE] spec.environments.prod.namespace: namespace"
                        + " 'fraud' is denied by the platform (deniedNamespaces): give the environment a namespace of the project's own");
        assertThat(denying.deniedNamespaces()).containsExactly("fraud", "monitoring");
        assertThat(allowed.findings().hasErrors()).isFalse();
        assertThat(MlGitops.generate(REFERENCE, denying).tree()).isEmpty();
        assertThat(output).doesNotExist();
    }

    @Test
    void aSpecFileNameWithALineBreakIsAFindingAndTheHeaderShowsItEscaped(@TempDir Path folder) throws IOException {
        Path spec = Files.copy(REFERENCE, folder.resolve("mlproject.yaml\n---\nkind: ConfigMap"));

        Validation validation = MlGitops.validate(spec, GenerateOptions.defaults());

        assertThat(validation.findings().sorted()).extracting(f -> f.format("x")).containsExactly(
                "x: error [MLG-YAML-FILE-NAME] the file's name 'mlproject.yaml\\u000A---\\u000Akind: ConfigMap' holds a"
                        + " control character: rename the file");
        assertThat(Header.forSource("a.yaml\r\nkind: Secret")).isEqualTo(
                "# Generated by mlgitops from a.yaml\\u000D\\u000Akind: Secret. Do not edit: the next generate overwrites this file.\n");
    }

    @Test
    void refusesFiveThousandModelsInAHundredEnvironmentsBeforeResolvingAny(@TempDir Path folder) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: mlgitops.dev/v1alpha1\nkind: MLProject\nmetadata: {name: big}\n"
                + "spec:\n  gitops: {repoURL: https://git.example.com/ml.git, targetRevision: main, path: projects/big}\n"
                + "  images: {server: registry.example.com/big/server:1.0}\n  serving:\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("    m").append(i).append(": {engine: deployment, image: server, replicas: {min: 2, max: 4}}\n");
        }
        int environmentsLine = (int) yaml.chars().filter(c -> c == '\n').count() + 1;
        yaml.append("  environments:\n");
        for (int i = 0; i < 100; i++) {
            yaml.append("    e").append(i).append(": {cluster: in-cluster, namespace: big-e").append(i).append("}\n");
        }
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"), yaml);
        assertThat(Files.size(spec)).isLessThan(1024 * 1024);

        Validation validation = MlGitops.validate(spec, GenerateOptions.defaults());

        assertThat(validation.findings().sorted()).extracting(f -> f.format("mlproject.yaml")).containsExactly(
                "mlproject.yaml:" + environmentsLine + ":3: error [MLG-SPEC-COST] spec.environments: the spec asks for 5000"
                        + " workload items (served models, pipelines and notebooks) in 100 environments: (items + 1) x"
                        + " (environments + 1) is 505101, more than the limit of 10000: split the project into several specs");
        assertThat(validation.project()).isEmpty();
    }

    @Test
    void aBrokenSpecWritesNothing(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, Files.readString(REFERENCE).replace("engine: kserve ", "engine: kservee "));
        Path output = folder.resolve("out");

        Generation generation = MlGitops.generate(spec, GenerateOptions.defaults().withOutputDirectory(output));

        assertThat(generation.passed()).isFalse();
        assertThat(generation.findings().sorted()).extracting(f -> f.format("mlproject.yaml")).contains(
                "mlproject.yaml:117:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine: 'kservee' is not one of "
                        + "kserve, deployment (did you mean 'kserve'?)");
        assertThat(output).doesNotExist();
    }

    @Test
    void rejectsUnknownImageKeysOfTheFeatureStoreAndTheRegistryWithTheirPaths(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, Files.readString(REFERENCE)
                .replace("    engine: feast\n", "    engine: feast\n    image: feast\n")
                .replace("    engine: mlflow\n", "    engine: mlflow\n    image: mlflow\n"));

        Validation validation = MlGitops.validate(spec, GenerateOptions.defaults());

        assertThat(validation.findings().sorted()).filteredOn(Finding::isError)
                .extracting(Finding::jsonPath, Finding::message).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("spec.featureStore.image",
                                "image key 'feast' is not defined under spec.images; known keys: notebook, scorer, trainer"),
                        org.assertj.core.groups.Tuple.tuple("spec.modelRegistry.image",
                                "image key 'mlflow' is not defined under spec.images; known keys: notebook, scorer, trainer"));
    }

    @Test
    void passesTheReferenceWithWarningsByDefaultAndFailsItWhenWarningsFail(@TempDir Path output) {
        Generation lenient = MlGitops.build(REFERENCE, GenerateOptions.defaults());
        Generation strict = MlGitops.generate(REFERENCE, GenerateOptions.defaults().withOutputDirectory(output)
                .withFailOn(Severity.WARNING));

        assertThat(lenient.passed()).isTrue();
        assertThat(lenient.findings().warningCount()).isPositive();
        assertThat(strict.passed()).isFalse();
        assertThat(strict.findings().sorted()).isEqualTo(lenient.findings().sorted());
        assertThat(strict.tree()).isEmpty();
        assertThat(output).isEmptyDirectory();
    }

    @Test
    void validationFailsOnWarningsOnlyWhenAsked(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.write(spec, ("\uFEFF" + Files.readString(REFERENCE)).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Validation lenient = MlGitops.validate(spec, GenerateOptions.defaults());
        Validation strict = MlGitops.validate(spec, GenerateOptions.defaults().withFailOn(Severity.WARNING));

        assertThat(CaseFolders.lines(lenient.findings())).containsExactly(
                "mlproject.yaml:1:1: warning [MLG-YAML-BOM] the file starts with a byte order mark: save it as UTF-8 without BOM");
        assertThat(lenient.passed()).isTrue();
        assertThat(strict.passed()).isFalse();
    }
}
