package dev.mlgitops.git;

import static dev.mlgitops.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void readsHeadAndTheConfiguredUserFromASubfolderOfTheSourceRepository() throws IOException {
        Path source = Files.createDirectories(temp.resolve("ml-project/service"));
        git(temp.resolve("ml-project"), "init", "--quiet");
        git(temp.resolve("ml-project"), "config", "user.name", "Data Scientist");
        git(temp.resolve("ml-project"), "config", "user.email", "ds@example.com");
        Files.writeString(source.resolve("mlproject.yaml"), "apiVersion: mlgitops.dev/v1alpha1\n");
        git(temp.resolve("ml-project"), "add", "--all");
        git(temp.resolve("ml-project"), "commit", "--quiet", "-m", "spec");
        String head = git(temp.resolve("ml-project"), "rev-parse", "HEAD").strip();

        SourceRepository read = GitOps.readSource(source);

        assertThat(read.head()).contains(head);
        assertThat(read.author()).contains(new Author("Data Scientist", "ds@example.com"));
    }

    @Test
    void aFolderOutsideAnyRepositoryIsNone() {
        assertThat(GitOps.readSource(temp)).isEqualTo(SourceRepository.NONE);
    }

    @Test
    void aRepositoryWithoutCommitsHasNoHead() {
        git(temp, "init", "--quiet");

        assertThat(GitOps.readSource(temp).head()).isEmpty();
    }

    @Test
    void thePublishCommitCarriesTheSourceCommitAndItsUserAsAuthor() throws IOException {
        Path project = Files.createDirectories(temp.resolve("ml-project"));
        git(project, "init", "--quiet");
        git(project, "config", "user.name", "Data Scientist");
        git(project, "config", "user.email", "ds@example.com");
        git(project, "commit", "--quiet", "--allow-empty", "-m", "start");
        String head = git(project, "rev-parse", "HEAD").strip();
        Path bare = GitCli.bare(temp.resolve("gitops.git"));

        GitOps.publish(Trees.first(), bare.toString()).setBranch("main").setWorkFolder(temp.resolve("work"))
                .setEnvironment(Map.of()).setSource(GitOps.readSource(project)).setPush(true).call();

        assertThat(git(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%(trailers:key=Source-Commit,valueonly)", "main").strip())
                .isEqualTo("Data Scientist <ds@example.com>|Data Scientist <ds@example.com>|" + head);
    }

    @Test
    void withoutSourceOrAuthorTheFallbackSignsTheCommit() {
        Path bare = GitCli.bare(temp.resolve("gitops.git"));

        GitOps.publish(Trees.first(), bare.toString()).setWorkFolder(temp.resolve("work")).setEnvironment(Map.of())
                .setPush(true).call();

        assertThat(git(bare, "log", "-1", "--format=%an <%ae>%n%b", "main")).startsWith("mlgitops <mlgitops@localhost>\n")
                .doesNotContain("Source-Commit");
    }
}
