package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}: the tree on disk, what writing it did, and nothing at all on findings. */
class GenerateCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesTheTreeUnderItsRootAndSaysWhatItWrote() throws IOException {
        Path output = folder.resolve("gitops");

        GenerateResult result = MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call();

        assertThat(result.status()).isEqualTo(Status.CLEAN);
        assertThat(result.treeFolder()).contains(output.resolve("projects/fraud-detection"));
        assertThat(result.written()).hasSize(157).contains("argocd/appproject.yaml");
        assertThat(result.unchanged()).isEmpty();
        assertThat(result.files()).hasSize(157);
        assertThat(Files.readString(output.resolve("projects/fraud-detection/argocd/appproject.yaml")))
                .isEqualTo(result.files().get("argocd/appproject.yaml"));
        assertThat(result.summaryTable(Duration.ofMillis(1500))).hasValueSatisfying(table -> assertThat(table)
                .startsWith("environment  stage").contains("\nprod         serving "));
    }

    @Test
    void anUnknownEnvironmentIsAFindingAndWritesNothing() {
        Path output = folder.resolve("gitops");

        GenerateResult result = MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output)
                .setEnvironments(List.of("prdo")).call();

        assertThat(result.status()).isEqualTo(Status.FINDINGS);
        assertThat(result.errorSummary()).isEqualTo("mlproject.yaml has 1 error");
        assertThat(result.treeFolder()).isEmpty();
        assertThat(result.summaryTable(Duration.ZERO)).isEmpty();
        assertThat(output).doesNotExist();
    }

    @Test
    void writesTheFindingReportsNamingTheSpecAsGiven() throws IOException {
        GenerateResult result = MlGitops.generate(CaseFolders.ONE_REPLICA).setOutputDirectory(folder.resolve("gitops")).call();

        result.writeFindingReports(folder.resolve("reports"), "ml/mlproject.yaml");

        assertThat(Files.readString(folder.resolve("reports/findings.sarif"))).contains("\"uri\" : \"ml/mlproject.yaml\"", "MLG-POLICY-REPLICAS");
        assertThat(folder.resolve("reports/findings-junit.xml")).isRegularFile();
        assertThat(result.findingsJson("ml/mlproject.yaml")).contains("\"file\" : \"ml/mlproject.yaml\"");
    }

    @Test
    void theApplicationsGoToTheTeamsNamespacesByDefaultAndToArgoCdsWhenAsked() throws IOException {
        Path teams = folder.resolve("teams");
        Path argocd = folder.resolve("argocd");

        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(teams).call();
        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(argocd).setApplicationsIn(ApplicationsIn.ARGOCD_NAMESPACE).call();

        String root = "projects/fraud-detection/argocd/prod/root.yaml";
        assertThat(Files.readString(teams.resolve(root))).contains("namespace: fraud\n").doesNotContain("namespace: argocd");
        assertThat(Files.readString(argocd.resolve(root))).contains("namespace: argocd");
        assertThat(Files.readString(teams.resolve("projects/fraud-detection/argocd/appproject.yaml"))).contains("sourceNamespaces");
        assertThat(Files.readString(argocd.resolve("projects/fraud-detection/argocd/appproject.yaml"))).doesNotContain("sourceNamespaces");
    }

    @Test
    void anotherPlaceForTheApplicationsIsAnotherRunForTheStamp() {
        Path output = folder.resolve("gitops");
        Path stamp = folder.resolve("stamp.json");

        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).setStamp(stamp).call();
        GenerateResult moved = MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).setStamp(stamp)
                .setApplicationsIn(ApplicationsIn.ARGOCD_NAMESPACE).call();

        assertThat(moved.upToDate()).isFalse();
        assertThat(moved.written()).contains("argocd/prod/root.yaml", "argocd/appproject.yaml");
    }

    @Test
    void theOptionValuesParseInAnyCaseAndAnythingElseIsNamed() {
        assertThat(ApplicationsIn.parse(" Argocd-Namespace ")).contains(ApplicationsIn.ARGOCD_NAMESPACE);
        assertThat(ApplicationsIn.parse(Options.APPLICATIONS_IN_DEFAULT)).contains(ApplicationsIn.TEAM_NAMESPACES);
        assertThat(ApplicationsIn.parse("argocd")).isEmpty();
        assertThat(ApplicationsIn.refusal("--applications-in argocd"))
                .isEqualTo("--applications-in argocd is not a place for Applications: use team-namespaces or argocd-namespace");
    }
}
