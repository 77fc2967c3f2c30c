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

    @Test
    void summarizesAnImageChangeForACiStepSummaryWithTheReleaseDiffAndWithoutFileContent() throws IOException {
        Path output = folder.resolve("gitops");
        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call();
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"),
                ValidateCommandTest.reference().replace("fraud-scorer@sha256:3f1c", "fraud-scorer@sha256:4f1c"));

        ReviewResult diff = MlGitops.diff(spec).setOutputDirectory(output).setBaseDirectory(folder).call();
        ReviewResult check = MlGitops.check(spec).setOutputDirectory(output).setBaseDirectory(folder).setReview(true).call();

        // dev tracks the spec; staging and prod keep their pinned release, so only dev's Deployment changes, and
        // the release id dev's training inputs record
        assertThat(diff.summaryMarkdown().orElseThrow())
                .startsWith("# mlgitops review: `projects/fraud-detection`\n\nThe tree generated now, compared with"
                        + " `gitops/projects/fraud-detection`. Production is `prod`.\n\n## Flags\n\n- **IMAGE_CHANGED** `dev`:"
                        + " Deployment fraud-dev/fraud-detection-explainer image registry.example.com/risk/fraud-scorer@sha256:3f1c")
                .contains("## Releases\n\n- `dev`: release `", "  - `images.scorer`: `registry.example.com/risk/fraud-scorer@sha256:3f1c",
                        " → `registry.example.com/risk/fraud-scorer@sha256:4f1c",
                        "## Summary\n\n| environment | stage | added | changed | removed |\n| --- | --- | ---: | ---: | ---: |\n"
                                + "| dev | serving | 0 | 1 | 0 |\n| dev | training | 0 | 2 | 0 |\n\n",
                        "## Objects\n\n### dev / serving\n\n- changed `Deployment fraud-dev/fraud-detection-explainer`\n\n",
                        "### dev / training\n\n- changed `ConfigMap fraud-dev/fraud-detection-distributed-inputs`\n"
                                + "- changed `ConfigMap fraud-dev/fraud-detection-nightly-inputs`\n\n")
                .endsWith("## Files\n\n4 files: 0 added (+), 4 changed (~), 0 removed (-).\n\n```text\n"
                        + "~ base/serving/deployment-fraud-detection-explainer.yaml\n~ overlays/dev/release.yaml\n"
                        + "~ overlays/dev/serving/kustomization.yaml\n~ overlays/dev/training/kustomization.yaml\n```\n")
                .doesNotContain("```diff", "- `staging`: release", "- `prod`: release", "| prod |");
        assertThat(check.status()).isEqualTo(Status.DRIFT);
        assertThat(check.summaryMarkdown()).isEqualTo(diff.summaryMarkdown());
        assertThat(MlGitops.check(spec).setOutputDirectory(output).call().summaryMarkdown()).isEmpty();
    }

    @Test
    void summarizesATreeInStepInOneLine() {
        Path output = folder.resolve("gitops");
        MlGitops.generate(CaseFolders.REFERENCE).setOutputDirectory(output).call();

        ReviewResult diff = MlGitops.diff(CaseFolders.REFERENCE).setOutputDirectory(output).setBaseDirectory(folder).call();

        assertThat(diff.summaryMarkdown()).contains("# mlgitops review: `projects/fraud-detection`\n\nThe tree generated now,"
                + " compared with `gitops/projects/fraud-detection`. Production is `prod`.\n\n"
                + "No changes: the committed tree is what the spec generates now.\n");
    }

    /** The reference spec without its staging environment: Argo CD would delete everything staging's Applications sync. */
    static String withoutStaging(String reference) {
        int start = reference.indexOf("    staging:\n");
        int end = reference.indexOf("    prod:\n");
        assertThat(start).isPositive().isLessThan(end);
        return reference.substring(0, start) + reference.substring(end);
    }
}
