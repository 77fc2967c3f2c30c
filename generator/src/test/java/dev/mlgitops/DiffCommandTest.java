package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff}: the review of a change, written where asked, with the deletion guard's flags. */
class DiffCommandTest {

    private static final String ROOT = "projects/fraud-detection/";

    @TempDir
    Path folder;

    @Test
    void writesTheReviewNamingTheComparedFolderRelativeToTheBaseDirectory() throws IOException {
        Path output = folder.resolve("gitops");
        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call();
        Path root = output.resolve(ROOT + "argocd/prod/root.yaml");
        Files.writeString(root, Files.readString(root).replace("targetRevision: main", "targetRevision: release"));
        Path review = folder.resolve("target/review.md");

        ReviewResult diff = MlGitops.diff(CaseFolders.REFERENCE).setOutputDirectory(output).setBaseDirectory(folder)
                .setReviewFile(review).call();

        assertThat(diff.status()).isEqualTo(Status.CLEAN);
        assertThat(diff.comparedWith()).isEqualTo("gitops/projects/fraud-detection");
        assertThat(diff.driftLines()).containsExactly("~ argocd/prod/root.yaml");
        assertThat(diff.driftSummary()).contains("gitops/projects/fraud-detection differs from what mlproject.yaml generates,"
                + " 1 file: 0 added (+), 1 changed (~), 0 removed (-)");
        assertThat(diff.reviewLines()).containsExactly("objects: 0 added, 1 changed, 0 removed; files: 0 added, 1 changed, 0 removed");
        assertThat(Files.readString(review)).isEqualTo(diff.reviewMarkdown().orElseThrow())
                .contains("compared with `gitops/projects/fraud-detection`", "changed `Application fraud/fraud-detection-prod`",
                        "-    targetRevision: release", "+    targetRevision: main")
                .doesNotContain(folder.toString());
    }

    @Test
    void aFolderOutsideTheBaseDirectoryIsNamedInFullInMessagesAndByItsNameInTheReview() {
        Path output = folder.resolve("gitops");
        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call();

        ReviewResult diff = MlGitops.diff(CaseFolders.REFERENCE).setOutputDirectory(output)
                .setBaseDirectory(folder.resolve("project")).call();

        assertThat(diff.comparedWith()).isEqualTo(output.resolve("projects/fraud-detection").toString());
        assertThat(diff.reviewMarkdown().orElseThrow()).contains("compared with `fraud-detection`").doesNotContain(folder.toString());
    }

    @Test
    void flagsWhatTheDeletionGuardWouldRefuseWithoutFailing() throws IOException {
        Path output = folder.resolve("gitops");
        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call();
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"), withoutStaging(ValidateCommandTest.reference()));

        ReviewResult diff = MlGitops.diff(spec).setOutputDirectory(output).call();

        assertThat(diff.status()).isEqualTo(Status.CLEAN);
        assertThat(diff.reviewLines()).anySatisfy(line -> assertThat(line).startsWith("[APPLICATIONS_REMOVED] removes 7 Argo CD Applications"));
        assertThat(diff.stale()).contains("argocd/staging/root.yaml");
    }

    /** The reference spec without its staging environment: Argo CD would delete everything staging's Applications sync. */
    static String withoutStaging(String reference) {
        int start = reference.indexOf("    staging:\n");
        int end = reference.indexOf("    prod:\n");
        assertThat(start).isPositive().isLessThan(end);
        return reference.substring(0, start) + reference.substring(end);
    }
}
