package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.yaml.Header;

/**
 * {@code check} fails on every way the committed tree can drift, and {@code diff} reports the
 * very same files for each, without failing and without an exception.
 */
class CheckCommandTest {

    private static final String ROOT = "projects/fraud-detection/";
    private static final String DEPLOYMENT = "base/serving/deployment-fraud-detection-explainer.yaml";

    @TempDir
    Path folder;

    interface Drift {
        void apply(Path tree) throws IOException;
    }

    static Stream<Arguments> driftCases() {
        return Stream.of(
                Arguments.of("a generated file deleted by hand", (Drift) tree -> Files.delete(tree.resolve(DEPLOYMENT)),
                        List.of("+ " + DEPLOYMENT)),
                Arguments.of("a generated file edited by hand", (Drift) tree -> Files.writeString(tree.resolve(DEPLOYMENT),
                        Files.readString(tree.resolve(DEPLOYMENT)).replace("port: http", "port: 8081")),
                        List.of("~ " + DEPLOYMENT)),
                Arguments.of("a generated file broken by hand", (Drift) tree -> Files.writeString(tree.resolve("argocd/prod/root.yaml"),
                        "edited\n"), List.of("~ argocd/prod/root.yaml")),
                Arguments.of("a generated file the spec no longer makes", (Drift) tree -> Files.writeString(
                        tree.resolve("base/serving/service-gone.yaml"), Header.forSource("mlproject.yaml") + "kind: Service\n"),
                        List.of("- base/serving/service-gone.yaml")),
                Arguments.of("a deleted environment folder", (Drift) tree -> deleteFolder(tree.resolve("overlays/staging")),
                        List.of("+ overlays/staging/feature-store/kustomization.yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("driftCases")
    void checkFailsAndDiffReportsTheSameFiles(String name, Drift drift, List<String> expected) throws IOException {
        Path output = generated();
        drift.apply(output.resolve(ROOT));

        ReviewResult check = MlGitops.check(CaseFolders.REFERENCE).setOutputDirectory(output).call();
        ReviewResult diff = MlGitops.diff(CaseFolders.REFERENCE).setOutputDirectory(output).call();

        assertThat(check.status()).isEqualTo(Status.DRIFT);
        assertThat(check.driftLines()).containsAll(expected);
        assertThat(diff.status()).isEqualTo(Status.CLEAN);
        assertThat(diff.driftLines()).isEqualTo(check.driftLines());
        assertThat(check.driftSummary()).get(InstanceOfAssertFactories.STRING).contains(" differs from what mlproject.yaml generates, ");
        assertThat(diff.driftSummary()).isEqualTo(check.driftSummary());
        assertThat(diff.reviewMarkdown()).isPresent();
    }

    @Test
    void aFreshTreeIsInSyncAndSomeoneElsesFileIsNoDrift() throws IOException {
        Path output = generated();
        Files.writeString(output.resolve(ROOT + "base/NOTES.md"), "ours, not the generator's\n");

        ReviewResult check = MlGitops.check(CaseFolders.REFERENCE).setOutputDirectory(output).call();

        assertThat(check.status()).isEqualTo(Status.CLEAN);
        assertThat(check.inSync()).isTrue();
        assertThat(check.driftLines()).isEmpty();
    }

    @Test
    void anEmptyFolderMissesEveryFile() {
        ReviewResult check = MlGitops.check(CaseFolders.REFERENCE).setOutputDirectory(folder).call();

        assertThat(check.status()).isEqualTo(Status.DRIFT);
        assertThat(check.stale()).isEmpty();
        assertThat(check.missing()).hasSize(157).contains("argocd/appproject.yaml");
    }

    @Test
    void aSpecWithErrorsStopsBeforeComparing() throws IOException {
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"),
                ValidateCommandTest.reference().replace("engine: kserve ", "engine: kservee "));

        ReviewResult check = MlGitops.check(spec).setOutputDirectory(folder).call();

        assertThat(check.status()).isEqualTo(Status.FINDINGS);
        assertThat(check.errorCount()).isEqualTo(1);
        assertThat(check.driftLines()).isEmpty();
    }

    private Path generated() {
        Path output = folder.resolve("gitops");
        assertThat(MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call().status()).isEqualTo(Status.CLEAN);
        return output;
    }

    private static void deleteFolder(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(file);
            }
        }
    }
}
