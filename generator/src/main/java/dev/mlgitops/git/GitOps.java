package dev.mlgitops.git;

import java.nio.file.Path;
import java.util.List;

import dev.mlgitops.layout.OutputTree;

/**
 * Step 10, publish: commits a generated tree into the GitOps repository and pushes it. Like
 * JGit's {@code Git}, it only hands out commands.
 */
public final class GitOps {

    private GitOps() {
    }

    /**
     * A command that publishes {@code tree} under its root ({@code spec.gitops.path}) of
     * {@code repository}.
     *
     * @param repository the GitOps repository: an https, ssh, git or file URL, an scp-like address, or a local path
     */
    public static CommitTreeCommand publish(OutputTree tree, String repository) {
        return new CommitTreeCommand(tree, repository);
    }

    /**
     * A command that reads the files under {@code root} ({@code spec.gitops.path}) of
     * {@code repository} as its remote branch has them, to compare a new tree with.
     */
    public static ReadTreeCommand readTree(String repository, String root) {
        return new ReadTreeCommand(repository, root);
    }

    /**
     * A command that reads which releases each environment pinned in {@code repository}'s
     * history under {@code root}, for a promotion's checks and rollbacks.
     */
    public static ReadReleasesCommand readReleases(String repository, String root, List<String> environments) {
        return new ReadReleasesCommand(repository, root, environments);
    }

    /**
     * The HEAD commit and configured user of the Git repository holding {@code folder} (the
     * project's source), for {@link CommitTreeCommand#setSource}; {@link SourceRepository#NONE} when
     * the folder is not in a Git repository.
     */
    public static SourceRepository readSource(Path folder) {
        return SourceRepository.read(folder);
    }

    /** The repository as messages may name it: a URL without its user information (no credentials). */
    public static String displayName(String repository) {
        return Redaction.stripUserInfo(repository);
    }
}
