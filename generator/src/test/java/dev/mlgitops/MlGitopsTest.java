package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.typed.StructuralSchemas;
import dev.mlgitops.yaml.Header;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

/** The porcelain end to end on the reference file: every step, in memory and on disk. */
class MlGitopsTest {

    private static final Path REFERENCE = CaseFolders.REFERENCE;

    @Test
    void theReferenceHasNoFindingOfAnySeverityEvenWhenWarningsFail(@TempDir Path output) {
        ValidateResult validation = MlGitops.validate(REFERENCE).call();
        GenerateResult strict = MlGitops.generate(REFERENCE).setOutputDirectory(output).setFailOn(FailOn.WARNING).call();

        assertThat(validation.status()).isEqualTo(Status.CLEAN);
        assertThat(validation.findings()).isEmpty();
        assertThat(validation.errorCount() + validation.warningCount()).isZero();
        assertThat(strict.status()).isEqualTo(Status.CLEAN);
        assertThat(strict.findings()).isEmpty();
        assertThat(output.resolve("projects/fraud-detection/argocd/prod/root.yaml")).isRegularFile();
    }

    @Test
    void buildsTheSameBytesTwice() {
        OutputTree first = Builder.build(REFERENCE, BuildOptions.defaults()).tree().orElseThrow();
        OutputTree second = Builder.build(REFERENCE, BuildOptions.defaults()).tree().orElseThrow();

        assertThat(second.files()).isEqualTo(first.files());
        assertThat(first.root()).isEqualTo("projects/fraud-detection");
    }

    @Test
    void everyFileStartsWithTheHeaderAndNamesNoMachinePath() {
        OutputTree tree = Builder.build(REFERENCE, BuildOptions.defaults()).tree().orElseThrow();

        assertThat(tree.files()).allSatisfy((path, text) -> {
            assertThat(text).as(path).startsWith(path.equals("README.md") ? Header.forMarkdown("mlproject.yaml")
                    : Header.forSource("mlproject.yaml"));
            assertThat(text).as(path).doesNotContain(System.getProperty("user.dir")).doesNotContain("/root/");
        });
    }

    @Test
    void everyArgoCdObjectPassesItsUpstreamStructuralSchema() {
        OutputTree tree = Builder.build(REFERENCE, BuildOptions.defaults()).tree().orElseThrow();
        StructuralSchemas schemas = StructuralSchemas.shipped();

        Map<String, String> argocd = new java.util.TreeMap<>(tree.files().subMap("argocd/", "argocd0"));
        // the AppProject, then per environment its root, its bootstrap (the AppProject and the root
        // again, checked in TreeExplainsItselfTest) and one Application per stage it has:
        // dev all seven; staging and prod all but notebooks
        assertThat(argocd).hasSize(1 + (2 + 7) + 2 * (2 + 6));
        argocd.keySet().removeIf(path -> path.endsWith("/bootstrap.yaml"));
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
        GenerateResult first = MlGitops.generate(REFERENCE).setOutputDirectory(output).call();
        GenerateResult second = MlGitops.generate(REFERENCE).setOutputDirectory(output).call();

        assertThat(first.written()).isNotEmpty();
        assertThat(second.written()).isEmpty();
        assertThat(second.removed()).isEmpty();
        assertThat(second.treeFolder()).contains(output.resolve("projects/fraud-detection"));
        assertThat(Files.readString(output.resolve("projects/fraud-detection/argocd/prod/apps/serving.yaml")))
                .contains("path: projects/fraud-detection/overlays/prod/serving");
    }

    @Test
    void refusesANamespaceThePlatformDeniesOnlyWhenItIsDenied(@TempDir Path folder) {
        Path output = folder.resolve("out");
        List<String> denying = List.of(" monitoring", "fraud", "");

        ValidateResult denied = MlGitops.validate(REFERENCE).setDeniedNamespaces(denying).call();
        ValidateResult allowed = MlGitops.validate(REFERENCE).call();

        assertThat(denied.findings()).filteredOn(FindingLine::error).extracting(FindingLine::text).containsExactly(
                "mlproject.yaml:218:7: error [MLG-CHECK-RESERVED-NAMESPACE] spec.environments.prod.namespace: namespace"
                        + " 'fraud' is denied by the platform (deniedNamespaces): give the environment a namespace of the project's own");
        assertThat(BuildOptions.defaults().withDeniedNamespaces(denying).deniedNamespaces())
                .containsExactly("fraud", "monitoring");
        assertThat(allowed.errorCount()).isZero();
        GenerateResult generation = MlGitops.generate(REFERENCE).setDeniedNamespaces(denying).setOutputDirectory(output).call();
        assertThat(generation.status()).isEqualTo(Status.FINDINGS);
        assertThat(output).doesNotExist();
    }

    @Test
    void aSpecFileNameWithALineBreakIsAFindingAndTheHeaderShowsItEscaped(@TempDir Path folder) throws IOException {
        Path spec = Files.copy(REFERENCE, folder.resolve("mlproject.yaml\n---\nkind: ConfigMap"));

        BuildOutcome outcome = Builder.build(spec, BuildOptions.defaults());

        assertThat(outcome.findings().sorted()).extracting(f -> f.format("x")).containsExactly(
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

        Findings findings = new Findings();
        Optional<ResolvedProject> project = Builder.resolve(spec, BuildOptions.defaults(), findings);

        assertThat(findings.sorted()).extracting(f -> f.format("mlproject.yaml")).containsExactly(
                "mlproject.yaml:" + environmentsLine + ":3: error [MLG-SPEC-COST] spec.environments: the spec asks for 5000"
                        + " workload items (served models, pipelines and notebooks) in 100 environments: (items + 1) x"
                        + " (environments + 1) is 505101, more than the limit of 10000: split the project into several specs");
        assertThat(project).isEmpty();
    }

    @Test
    void aBrokenSpecWritesNothing(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, Files.readString(REFERENCE).replace("engine: kserve ", "engine: kservee "));
        Path output = folder.resolve("out");

        GenerateResult generation = MlGitops.generate(spec).setOutputDirectory(output).call();

        assertThat(generation.status()).isEqualTo(Status.FINDINGS);
        assertThat(generation.findings()).extracting(FindingLine::text).contains(
                "mlproject.yaml:144:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine: 'kservee' is not one of "
                        + "kserve, deployment, vllm (did you mean 'kserve'?)");
        assertThat(output).doesNotExist();
    }

    @Test
    void rejectsUnknownImageKeysOfTheFeatureStoreAndTheRegistryWithTheirPaths(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, Files.readString(REFERENCE)
                .replace("    engine: feast\n", "    engine: feast\n    image: feast\n")
                .replace("    engine: mlflow\n", "    engine: mlflow\n    image: mlflow\n"));

        ValidateResult validation = MlGitops.validate(spec).call();

        assertThat(validation.findings()).filteredOn(FindingLine::error).extracting(FindingLine::text).containsExactly(
                "mlproject.yaml:81:5: error [MLG-REF-IMAGE] spec.featureStore.image: image key 'feast' is not defined under"
                        + " spec.images; known keys: drift-detector, llm, notebook, scorer, trainer",
                "mlproject.yaml:137:5: error [MLG-REF-IMAGE] spec.modelRegistry.image: image key 'mlflow' is not defined under"
                        + " spec.images; known keys: drift-detector, llm, notebook, scorer, trainer");
    }

    @Test
    void rejectsAQualityDetectorOfAnUnknownImageAndGroundTruthOfAnUnknownDatasetAtTheirKeys(@TempDir Path folder)
            throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, Files.readString(REFERENCE)
                .replace("image: drift-detector ", "image: drift-detektor")
                .replace("groundTruth: chargebacks ", "groundTruth: chargebaks "));

        ValidateResult validation = MlGitops.validate(spec).call();

        assertThat(validation.findings()).filteredOn(FindingLine::error).extracting(FindingLine::text).containsExactly(
                "mlproject.yaml:193:11: error [MLG-REF-IMAGE] spec.monitoring.quality.scorer.detector.image: image key"
                        + " 'drift-detektor' is not defined under spec.images; known keys: drift-detector, llm, notebook,"
                        + " scorer, trainer",
                "mlproject.yaml:198:11: error [MLG-REF-DATASET] spec.monitoring.quality.scorer.accuracy.groundTruth:"
                        + " dataset 'chargebaks' is not defined under spec.datasets (did you mean 'chargebacks'?); known"
                        + " datasets: chargebacks, transactions");
    }

    @Test
    void rejectsAQualityItemOfNoServedModelAtItsKeyWithTheClosestModel(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.writeString(spec, Files.readString(REFERENCE).replace(
                "      scorer:                                # a model under serving",
                "      scorre:                                # a model under serving"));

        ValidateResult validation = MlGitops.validate(spec).call();

        assertThat(validation.findings()).filteredOn(FindingLine::error).extracting(FindingLine::text).containsExactly(
                "mlproject.yaml:191:7: error [MLG-CHECK-QUALITY-MODEL] spec.monitoring.quality.scorre: monitoring.quality"
                        + " names 'scorre', which is not a model under spec.serving (did you mean 'scorer'?); served"
                        + " models: assistant, explainer, scorer");
    }

    @Test
    void passesASpecWithAWarningByDefaultAndFailsItWhenWarningsFail(@TempDir Path output) {
        GenerateResult lenient = MlGitops.generate(CaseFolders.ONE_REPLICA).setOutputDirectory(output.resolve("lenient")).call();
        GenerateResult strict = MlGitops.generate(CaseFolders.ONE_REPLICA).setOutputDirectory(output.resolve("strict"))
                .setFailOn(FailOn.WARNING).call();

        assertThat(lenient.status()).isEqualTo(Status.CLEAN);
        assertThat(lenient.warningCount()).isEqualTo(1);
        assertThat(lenient.findings()).singleElement().extracting(FindingLine::text).asString().contains("warning [MLG-POLICY-REPLICAS]");
        assertThat(strict.status()).isEqualTo(Status.FINDINGS);
        assertThat(strict.findings()).isEqualTo(lenient.findings());
        assertThat(strict.treeFolder()).isEmpty();
        assertThat(output.resolve("strict")).doesNotExist();
    }

    @Test
    void validationFailsOnWarningsOnlyWhenAsked(@TempDir Path folder) throws IOException {
        Path spec = folder.resolve("mlproject.yaml");
        Files.write(spec, ("\uFEFF" + Files.readString(REFERENCE)).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        ValidateResult lenient = MlGitops.validate(spec).call();
        ValidateResult strict = MlGitops.validate(spec).setFailOn(FailOn.WARNING).call();

        assertThat(lenient.findings()).extracting(FindingLine::text).contains(
                "mlproject.yaml:1:1: warning [MLG-YAML-BOM] the file starts with a byte order mark: save it as UTF-8 without BOM");
        assertThat(lenient.passed()).isTrue();
        assertThat(strict.status()).isEqualTo(Status.FINDINGS);
        assertThat(strict.findings()).isEqualTo(lenient.findings());
    }
}
