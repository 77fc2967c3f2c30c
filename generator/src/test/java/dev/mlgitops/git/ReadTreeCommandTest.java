package dev.mlgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the committed tree of a branch, as the remote has it, for check, diff and the guard. */
class ReadTreeCommandTest {

    @TempDir
    Path temp;

    @Test
    void readsTheFilesUnderTheRootAsTheRemoteBranchHasThemAndNothingOutside() throws IOException {
        Path bare = GitCli.bare(temp.resolve("gitops.git"));
        String url = bare.toUri().toString();
        GitOps.publish(Trees.first(), url).setBranch("main").setWorkFolder(temp.resolve("publisher"))
                .setEnvironment(Map.of()).setPush(true).call();
        GitCli.pushFromElsewhere(bare, Files.createDirectories(temp.resolve("scratch")), "main", "someone else's file",
                Map.of("README.md", "# not ours\n"));

        var files = GitOps.readTree(url, Trees.ROOT).setBranch("main").setWorkFolder(temp.resolve("reader")).call();

        assertThat(files).isEqualTo(Trees.first().files());
    }

    @Test
    void anEmptyRepositoryHasNoFiles() {
        Path bare = GitCli.bare(temp.resolve("empty.git"));

        assertThat(GitOps.readTree(bare.toUri().toString(), Trees.ROOT).setWorkFolder(temp.resolve("reader")).call()).isEmpty();
    }
}
