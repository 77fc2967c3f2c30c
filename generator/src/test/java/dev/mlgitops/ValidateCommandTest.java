package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} runs the whole pipeline and refuses what {@code generate} refuses, writing nothing. */
class ValidateCommandTest {

    private static final String PINNED = "trainer: registry.example.com/risk/fraud-trainer:1.4.2";

    @TempDir
    Path folder;

    @Test
    void refusesAnUnpinnedLatestImageWithTheFindingsGenerateRefusesItWith() throws IOException {
        Path spec = spec(reference().replace(PINNED, "trainer: registry.example.com/risk/fraud-trainer:latest"));

        ValidateResult validation = MlGitops.validate(spec).call();
        GenerateResult generation = MlGitops.generate(spec).setOutputDirectory(folder.resolve("out")).call();

        assertThat(validation.status()).isEqualTo(Status.FINDINGS);
        assertThat(validation.findings()).filteredOn(FindingLine::error).extracting(FindingLine::text).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("error [MLG-POLICY-LATEST-TAG]",
                        "uses image 'registry.example.com/risk/fraud-trainer:latest', which is not pinned"));
        assertThat(validation.findings()).isEqualTo(generation.findings());
        assertThat(generation.status()).isEqualTo(Status.FINDINGS);
        assertThat(folder.resolve("out")).doesNotExist();
    }

    @Test
    void failsOnWarningsWhenAskedAsGenerateDoes() throws IOException {
        Path spec = spec(Files.readString(CaseFolders.KSERVE_HOST));

        ValidateResult strict = MlGitops.validate(spec).setFailOn(FailOn.WARNING).call();
        GenerateResult generation = MlGitops.generate(spec).setOutputDirectory(folder.resolve("out")).setFailOn(FailOn.WARNING).call();

        assertThat(strict.status()).isEqualTo(Status.FINDINGS);
        assertThat(strict.errorCount()).isZero();
        assertThat(strict.warningCount()).isEqualTo(1);
        assertThat(strict.findings()).isEqualTo(generation.findings());
    }

    @Test
    void namesThePrerequisitesInOneLineAndWritesThemBesideTheFindingsReports() throws IOException {
        Path spec = spec(reference());

        ValidateResult validation = MlGitops.validate(spec).call();
        validation.writeFindingReports(folder.resolve("reports"), "mlproject.yaml");

        assertThat(validation.prerequisitesSummary()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("prerequisites: Argo Workflows, External Secrets Operator,")
                .endsWith("(versions and settings: PREREQUISITES.md)"));
        assertThat(folder.resolve("reports/prerequisites.json")).content()
                .contains("\"component\" : \"Kubeflow Training Operator\"");
        assertThat(folder.resolve("reports/findings.json")).exists();
    }

    @Test
    void aRefusedSpecHasNoPrerequisites() throws IOException {
        Path spec = spec(reference().replace(PINNED, "trainer: registry.example.com/risk/fraud-trainer:latest"));

        ValidateResult validation = MlGitops.validate(spec).call();
        validation.writeFindingReports(folder.resolve("reports"), "mlproject.yaml");

        assertThat(validation.prerequisitesSummary()).isEmpty();
        assertThat(folder.resolve("reports/prerequisites.json")).doesNotExist();
    }

    @Test
    void writesNothing() throws IOException {
        Path spec = spec(reference());

        ValidateResult validation = MlGitops.validate(spec).call();

        assertThat(validation.passed()).isTrue();
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(spec);
        }
    }

    @Test
    void runsOnce() throws IOException {
        ValidateCommand command = MlGitops.validate(spec(reference()));
        command.call();

        assertThatThrownBy(command::call).isInstanceOf(IllegalStateException.class).hasMessage("a command runs once; make a new one");
    }

    private Path spec(String text) throws IOException {
        return Files.writeString(folder.resolve("mlproject.yaml"), text);
    }

    static String reference() throws IOException {
        return Files.readString(CaseFolders.REFERENCE);
    }
}
