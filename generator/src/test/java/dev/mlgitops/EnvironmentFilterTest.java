package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.Builder;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.write.RunSummary;
import dev.mlgitops.yaml.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setEnvironments} of the porcelain commands: a run limited to some environments leaves the others alone. */
class EnvironmentFilterTest {

    private static final Path REFERENCE = CaseFolders.REFERENCE;
    private static final String ROOT = "projects/fraud-detection/";

    @TempDir
    Path output;

    @Test
    void aLimitedTreeHoldsTheSharedFilesAndOnlyTheAskedEnvironments() {
        OutputTree whole = Builder.build(REFERENCE, BuildOptions.defaults()).tree().orElseThrow();
        OutputTree prod = Builder.build(REFERENCE, BuildOptions.defaults().withEnvironments(List.of("prod"))).tree().orElseThrow();

        assertThat(prod.files().keySet()).allSatisfy(file -> assertThat(file).doesNotContain("/dev/", "/staging/"));
        assertThat(prod.files()).containsKeys("argocd/prod/root.yaml", "argocd/prod/apps/serving.yaml",
                "overlays/prod/serving/kustomization.yaml", "base/serving/kustomization.yaml");
        // the AppProject is laid out from every environment, so a limited run does not narrow it
        assertThat(prod.files().get("argocd/appproject.yaml")).isEqualTo(whole.files().get("argocd/appproject.yaml"));
        assertThat(prod.scope()).containsExactly("README.md", "argocd/appproject.yaml", "argocd/prod", "base", "overlays/prod");
        whole.files().forEach((file, text) -> {
            if (prod.speaksFor(file)) {
                assertThat(prod.files()).as(file).containsEntry(file, text);
            }
        });
    }

    @Test
    void aLimitedRunNeitherRewritesNorRemovesTheOtherEnvironmentsFiles() throws IOException {
        MlGitops.generate(REFERENCE).setOutputDirectory(output).call();
        Path devOverlay = output.resolve(ROOT + "overlays/dev/serving/kustomization.yaml");
        Files.writeString(devOverlay, Header.forSource("mlproject.yaml") + "edited: by hand\n");
        Path staleDev = output.resolve(ROOT + "overlays/dev/serving/old.yaml");
        Path staleProd = output.resolve(ROOT + "overlays/prod/serving/old.yaml");
        Files.writeString(staleDev, Header.forSource("mlproject.yaml"));
        Files.writeString(staleProd, Header.forSource("mlproject.yaml"));

        GenerateResult prod = MlGitops.generate(REFERENCE).setOutputDirectory(output)
                .setEnvironments(List.of("prod")).call();

        assertThat(prod.written()).isEmpty();
        assertThat(prod.removed()).containsExactly("overlays/prod/serving/old.yaml");
        assertThat(staleProd).doesNotExist();
        assertThat(staleDev).exists();
        assertThat(devOverlay).content().endsWith("edited: by hand\n");
        assertThat(output.resolve(ROOT + "argocd/staging/root.yaml")).isRegularFile();
    }

    @Test
    void aLimitedRunLeavesTheFilesOfAnEnvironmentTheSpecDroppedToAFullRun() throws IOException {
        Path dropped = output.resolve(ROOT + "overlays/qa/serving/kustomization.yaml");
        Files.createDirectories(dropped.getParent());
        Files.writeString(dropped, Header.forSource("mlproject.yaml"));

        GenerateResult prod = MlGitops.generate(REFERENCE).setOutputDirectory(output)
                .setEnvironments(List.of("prod")).call();
        assertThat(dropped).exists();
        GenerateResult all = MlGitops.generate(REFERENCE).setOutputDirectory(output).call();

        assertThat(prod.removed()).isEmpty();
        assertThat(all.removed()).containsExactly("overlays/qa/serving/kustomization.yaml");
        assertThat(dropped).doesNotExist();
    }

    @Test
    void theSummaryShowsTheBasesTheAskedEnvironmentsAndTheProject() {
        GenerateResult prod = MlGitops.generate(REFERENCE).setOutputDirectory(output)
                .setEnvironments(List.of("prod")).call();

        RunSummary summary = prod.summary().orElseThrow();
        assertThat(summary.rows()).extracting(RunSummary.Row::environment).containsOnly("base", "prod", "(project)");
        assertThat(summary.rows()).filteredOn(row -> row.environment().equals("prod")).extracting(RunSummary.Row::stage)
                .startsWith("tenancy").contains("argocd");
        assertThat(summary.rows()).allSatisfy(row -> assertThat(row.removed()).isZero());
        int files = prod.tree().orElseThrow().files().size();
        assertThat(summary.rows().stream().mapToInt(RunSummary.Row::written).sum()).isEqualTo(files);
        assertThat(summary.table()).startsWith("environment  stage").contains("\n(project)    argocd ");
    }

    @Test
    void anUnknownEnvironmentIsAnErrorNamingTheKnownOnesAndWritesNothing() {
        GenerateResult run = MlGitops.generate(REFERENCE).setOutputDirectory(output)
                .setEnvironments(List.of("prod", "prdo")).call();

        assertThat(run.passed()).isFalse();
        assertThat(run.findings()).extracting(FindingLine::text).containsExactly(
                "mlproject.yaml: error [MLG-ENV-UNKNOWN] spec.environments: environment 'prdo' was asked for but is not"
                        + " under spec.environments; known environments: dev, staging, prod");
        assertThat(output).isEmptyDirectory();
    }

    @Test
    void noFilterCoversEveryEnvironment() {
        BuildOptions options = BuildOptions.defaults().withEnvironments(List.of(" ", ""));

        assertThat(options.environments()).isEmpty();
        assertThat(options.covers("anything")).isTrue();
        assertThat(BuildOptions.defaults().withEnvironments(List.of(" prod ")).covers("dev")).isFalse();
    }
}
