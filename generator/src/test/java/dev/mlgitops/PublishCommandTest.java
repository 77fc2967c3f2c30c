package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish}: builds once, reviews the change against the repository's branch, refuses what
 * the deletion guard refuses, and commits and pushes the rest, into a real Git repository.
 */
class PublishCommandTest {

    @TempDir
    Path folder;

    private Path remote;

    @BeforeEach
    void emptyRepository() throws Exception {
        remote = folder.resolve("gitops.git");
        Git.init().setBare(true).setInitialBranch("main").setDirectory(remote.toFile()).call().close();
    }

    @Test
    void pushesTheTreeThenFindsNothingToChangeAndCheckReadsItFromTheRepository() {
        PublishResult first = publish(CaseFolders.REFERENCE).setPush(true).call();
        PublishResult second = publish(CaseFolders.REFERENCE).setPush(true).call();
        ReviewResult check = MlGitops.check(CaseFolders.REFERENCE).setRepository(remote.toString()).setBranch("main")
                .setWorkFolder(folder.resolve("check-clone")).call();

        assertThat(first.status()).isEqualTo(Status.CLEAN);
        assertThat(first.outcome()).contains(PublishResult.Outcome.PUSHED);
        assertThat(first.branch()).contains("main");
        assertThat(first.written()).hasSize(157);
        assertThat(second.outcome()).contains(PublishResult.Outcome.UNCHANGED);
        assertThat(check.status()).isEqualTo(Status.CLEAN);
        assertThat(check.comparedWith()).isEqualTo(remote + " (branch main)");
    }

    @Test
    void refusesWhatTheDeletionGuardRefusesAndCommitsNothing() throws Exception {
        publish(CaseFolders.REFERENCE).setPush(true).call();
        ObjectId before = head();
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"), DiffCommandTest.withoutStaging(ValidateCommandTest.reference()));

        PublishResult refused = publish(spec).setPush(true).call();

        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.outcome()).isEmpty();
        assertThat(refused.refusals()).first().asString().startsWith("[APPLICATIONS_REMOVED] removes 7 Argo CD Applications (");
        assertThat(refused.allowingOptions()).contains(Options.ALLOW_DELETIONS);
        assertThat(head()).isEqualTo(before);

        PublishResult allowed = publish(spec).setPush(true).setAllowDeletions(true).setAllowProdWithOthers(true).call();

        assertThat(allowed.status()).isEqualTo(Status.CLEAN);
        assertThat(allowed.outcome()).contains(PublishResult.Outcome.PUSHED);
        assertThat(allowed.removed()).contains("argocd/staging/root.yaml");
        assertThat(head()).isNotEqualTo(before);
    }

    @Test
    void aSpecWithErrorsPublishesNothing() throws Exception {
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"),
                ValidateCommandTest.reference().replace("engine: kserve ", "engine: kservee "));

        PublishResult result = publish(spec).setPush(true).call();

        assertThat(result.status()).isEqualTo(Status.FINDINGS);
        assertThat(result.outcome()).isEmpty();
        assertThat(head()).isNull();
    }

    @Test
    void refusesABranchGitWouldRefuseBeforeAnythingRuns() {
        assertThatThrownBy(() -> publish(CaseFolders.REFERENCE).setNewBranch("mlgitops/../main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--new-branch (-Dmlgitops.gitops.newBranch): 'mlgitops/../main' is not a branch name: ");
        assertThatThrownBy(() -> MlGitops.promote(CaseFolders.REFERENCE, "prod").setBranch("main.lock"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--branch (-Dmlgitops.gitops.branch): 'main.lock' is not a branch name: ");
        assertThat(publish(CaseFolders.REFERENCE).setNewBranch("mlgitops/promote-prod-1a2b3c4d5e6f")).isNotNull();
    }

    private PublishCommand publish(Path spec) {
        return MlGitops.publish(spec).setRepository(remote.toString()).setBranch("main").setWorkFolder(folder.resolve("clone"));
    }

    private ObjectId head() throws IOException {
        try (Git git = Git.open(remote.toFile())) {
            return git.getRepository().resolve("refs/heads/main");
        }
    }
}
