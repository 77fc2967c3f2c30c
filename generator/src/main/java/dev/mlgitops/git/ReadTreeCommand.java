package dev.mlgitops.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Reads the files under a root ({@code spec.gitops.path}) of a branch of the GitOps repository,
 * as the remote has them: made by {@link GitOps#readTree(String, String)}, run once with
 * {@link #call()}. It clones into (or fetches in) the work folder and reads the fetched commit;
 * the work folder's files and branches are left as they were.
 */
public final class ReadTreeCommand {

    private final String repository;
    private final String root;
    private String branch = "HEAD";
    private Path workFolder = Path.of("target", "mlgitops", "gitops-clone");
    private Optional<HttpCredentials> credentials = Optional.empty();
    private boolean allowInsecureHttp;

    ReadTreeCommand(String repository, String root) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The branch to read ({@code spec.gitops.targetRevision}). Default "HEAD": the remote's default branch. */
    public ReadTreeCommand setBranch(String name) {
        this.branch = Objects.requireNonNull(name, "branch");
        return this;
    }

    /** The clone to fetch in, the same as {@link CommitTreeCommand#setWorkFolder}. Default {@code target/mlgitops/gitops-clone}. */
    public ReadTreeCommand setWorkFolder(Path folder) {
        this.workFolder = Objects.requireNonNull(folder, "workFolder");
        return this;
    }

    /** HTTPS credentials, as {@link CommitTreeCommand#setCredentials}; else the URL's, else the environment's. */
    public ReadTreeCommand setCredentials(HttpCredentials credentials) {
        this.credentials = Optional.ofNullable(credentials);
        return this;
    }

    /**
     * Send credentials over plain {@code http://} too. Default false: a plain http repository with
     * credentials is refused, so that no token crosses the network readable.
     */
    public ReadTreeCommand setAllowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /**
     * @return the files under the root on the remote's branch, by path relative to the root; empty
     *         when the repository or the branch has no commit yet
     * @throws GitOpsException when the repository cannot be reached or the work folder cannot be used
     */
    public SortedMap<String, String> call() {
        // the environment's variables, SSH's folders and the timeout are CommitTreeCommand's defaults
        HttpCredentials.Variables variables = HttpCredentials.Variables.defaults();
        Optional<HttpCredentials> fromEnvironment = HttpCredentials.fromEnvironment(System.getenv(), variables);
        try (Remote remote = Remote.of(repository, credentials, fromEnvironment, variables, SshSettings.defaults(), Duration.ofSeconds(60),
                allowInsecureHttp);
                Workspace workspace = Workspace.open(workFolder, remote, root)) {
            return workspace.filesAt(branch.equals("HEAD") ? workspace.defaultBranch() : branch);
        }
    }
}
