package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promote} through the porcelain, on a real bare repository: a new image published moves
 * only the tracking environment (no guard refusal), promote carries it on to staging on a branch
 * for a pull request, and prod refuses it from dev directly.
 */
class PromoteCommandTest {

    private static final String RELEASE_OF = "projects/fraud-detection/overlays/%s/release.yaml";

    @TempDir
    Path folder;

    private Path remote;

    @BeforeEach
    void emptyRepository() throws Exception {
        remote = folder.resolve("gitops.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
    }

    @Test
    void aNewImageReachesDevByPublishAndStagingByPromotionOnABranchButNeverProdFromDevDirectly() throws Exception {
        assertThat(publish(CaseFolders.REFERENCE).call().status()).isEqualTo(Status.CLEAN);
        Path newer = Files.writeString(folder.resolve("mlproject.yaml"), ValidateCommandTest.reference()
                .replace("fraud-trainer:1.4.2", "fraud-trainer:1.5.0"));

        ReviewResult preview = MlGitops.diff(newer).setRepository(remote.toString()).setBranch("main")
                .setWorkFolder(folder.resolve("clone")).call();
        PublishResult published = publish(newer).call();

        assertThat(preview.reviewMarkdown().orElseThrow()).contains("## Releases\n\n- `dev`: release `")
                .contains("  - `images.trainer`: `registry.example.com/risk/fraud-trainer:1.4.2` → "
                        + "`registry.example.com/risk/fraud-trainer:1.5.0`\n")
                .doesNotContain("- `staging`: release", "- `prod`: release");

        assertThat(published.status()).as("an artifact-only change moves dev alone: no guard refusal").isEqualTo(Status.CLEAN);
        assertThat(file("main", "dev")).contains("fraud-trainer:1.5.0");
        assertThat(file("main", "staging")).contains("fraud-trainer:1.4.2").doesNotContain("1.5.0");
        assertThat(file("main", "prod")).contains("fraud-trainer:1.4.2").doesNotContain("1.5.0");

        PromoteResult skipping = promote(newer, "prod").setFrom("dev").call();

        assertThat(skipping.status()).isEqualTo(Status.REFUSED);
        assertThat(skipping.message()).startsWith("prod accepts only a release staging has had")
                .endsWith("promote it to staging first, or allow skipping staging (--allow-skip)");
        assertThat(skipping.branch()).isEmpty();

        PromoteResult toStaging = promote(newer, "staging").call();

        assertThat(toStaging.status()).isEqualTo(Status.CLEAN);
        assertThat(toStaging.message()).startsWith("promoted release ").contains(" from dev to staging (was ");
        assertThat(toStaging.branch().orElseThrow()).startsWith("mlgitops/promote-staging-");
        assertThat(toStaging.outcomeName()).contains("pushed");
        assertThat(file(toStaging.branch().get(), "staging")).contains("fraud-trainer:1.5.0");
        assertThat(file(toStaging.branch().get(), "prod")).contains("fraud-trainer:1.4.2");
        assertThat(file("main", "staging")).as("main moves only when the pull request is merged").contains("fraud-trainer:1.4.2");
        assertThat(subject(toStaging.branch().get())).startsWith("fraud-detection: promote release ").endsWith(" from dev to staging");

        PromoteResult again = promote(newer, "prod").call();
        assertThat(again.status()).as("prod's source, staging, still pins the old release on main: nothing to do")
                .isEqualTo(Status.CLEAN);
        assertThat(again.branch()).isEmpty();
    }

    @Test
    void aSkipAllowedIsFlaggedInTheReviewAndInTheCommitTrailer() throws Exception {
        assertThat(publish(CaseFolders.REFERENCE).call().status()).isEqualTo(Status.CLEAN);
        String old = releaseId(file("main", "prod"));
        Path newer = Files.writeString(folder.resolve("mlproject.yaml"), ValidateCommandTest.reference()
                .replace("fraud-trainer:1.4.2", "fraud-trainer:1.5.0"));
        assertThat(publish(newer).call().status()).isEqualTo(Status.CLEAN);
        String id = releaseId(file("main", "dev"));
        Path review = folder.resolve("review.md");
        Path stagingReview = folder.resolve("staging-review.md");

        PromoteResult skipping = promote(newer, "prod").setFrom("dev").setAllowSkip(true).setReviewFile(review).call();
        PromoteResult toStaging = promote(newer, "staging").setNewBranch("promote-staging").setReviewFile(stagingReview).call();

        assertThat(skipping.status()).isEqualTo(Status.CLEAN);
        assertThat(Files.readString(review)).isEqualTo(skipping.reviewMarkdown().orElseThrow())
                .contains("## Flags\n\n- **RELEASE_SKIPPED** `prod`: release " + id
                        + " skips staging, which never had it (allowed with --allow-skip)\n")
                .contains("## Releases\n\n- `prod`: release `" + old + "` → `" + id + "`\n"
                        + "  - `images.trainer`: `registry.example.com/risk/fraud-trainer:1.4.2` → "
                        + "`registry.example.com/risk/fraud-trainer:1.5.0`\n")
                .doesNotContain("- `staging`: release", "- `dev`: release");
        assertThat(message(skipping.branch().orElseThrow())).contains("\nSkipped: staging\n", "\nPromoted-From: dev\n",
                "\nPromoted-To: prod\n", "\nRelease: " + id + "\n");
        assertThat(Files.readString(stagingReview)).doesNotContain("RELEASE_SKIPPED").contains("- `staging`: release `" + old + "` → `" + id + "`\n");
        assertThat(message(toStaging.branch().orElseThrow())).doesNotContain("Skipped:");
    }

    private static String releaseId(String releaseYaml) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?m)^release: (\\S+)$").matcher(releaseYaml);
        assertThat(id.find()).as(releaseYaml).isTrue();
        return id.group(1);
    }

    private String message(String branch) throws IOException {
        try (Repository repository = Git.open(remote.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(repository.resolve("refs/heads/" + branch)).getFullMessage();
        }
    }

    private PublishCommand publish(Path spec) {
        return MlGitops.publish(spec).setRepository(remote.toString()).setBranch("main").setWorkFolder(folder.resolve("clone"))
                .setPush(true);
    }

    private PromoteCommand promote(Path spec, String environment) {
        return MlGitops.promote(spec, environment).setRepository(remote.toString()).setBranch("main")
                .setWorkFolder(folder.resolve("clone")).setPush(true);
    }

    private String file(String branch, String environment) throws IOException {
        try (Repository repository = Git.open(remote.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve("refs/heads/" + branch));
            try (TreeWalk tree = TreeWalk.forPath(repository, RELEASE_OF.formatted(environment), head.getTree())) {
                ObjectLoader blob = repository.open(tree.getObjectId(0));
                return new String(blob.getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private String subject(String branch) throws IOException {
        try (Repository repository = Git.open(remote.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("refs/heads/" + branch);
            return walk.parseCommit(head).getShortMessage();
        }
    }
}
