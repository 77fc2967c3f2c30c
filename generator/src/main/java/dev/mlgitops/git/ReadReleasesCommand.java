package dev.mlgitops.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.mlgitops.release.PastRelease;

/**
 * Reads the releases the environments pinned in the GitOps repository's history (every commit
 * that changed an {@code overlays/<env>/release.yaml} under the root), newest first: made by
 * {@link GitOps#readReleases}, run once with {@link #call()}. Like {@link ReadTreeCommand}, it
 * clones into (or fetches in) the work folder and leaves its files and branches as they were.
 */
public final class ReadReleasesCommand {

    private final String repository;
    private final String root;
    private final List<String> environments;
    private String branch = "HEAD";
    private Path workFolder = Path.of("target", "mlgitops", "gitops-clone");
    private Optional<HttpCredentials> credentials = Optional.empty();
    private boolean allowInsecureHttp;

    ReadReleasesCommand(String repository, String root, List<String> environments) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.root = Objects.requireNonNull(root, "root");
        this.environments = List.copyOf(environments);
    }

    /** The branch whose history to read. Default "HEAD": the remote's default branch. */
    public ReadReleasesCommand setBranch(String name) {
        this.branch = Objects.requireNonNull(name, "branch");
        return this;
    }

    /** The clone to fetch in, the same as {@link PublishCommand#setWorkFolder}. Default {@code target/mlgitops/gitops-clone}. */
    public ReadReleasesCommand setWorkFolder(Path folder) {
        this.workFolder = Objects.requireNonNull(folder, "workFolder");
        return this;
    }

    /** HTTPS credentials, as {@link PublishCommand#setCredentials}; else the URL's, else the environment's. */
    public ReadReleasesCommand setCredentials(HttpCredentials credentials) {
        this.credentials = Optional.ofNullable(credentials);
        return this;
    }

    /** Send credentials to a plain {@code http://} repository. Default false: such a read is refused. */
    public ReadReleasesCommand setAllowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /**
     * @return each environment's past releases, newest first (environments in the order given);
     *         empty when the branch has no commit yet
     * @throws GitOpsException when the repository cannot be reached or the work folder cannot be used
     */
    public List<PastRelease> call() {
        HttpCredentials.Variables variables = HttpCredentials.Variables.defaults();
        Optional<HttpCredentials> fromEnvironment = HttpCredentials.fromEnvironment(System.getenv(), variables);
        try (Remote remote = Remote.of(repository, credentials, fromEnvironment, variables, SshSettings.defaults(), Duration.ofSeconds(60),
                allowInsecureHttp);
                Workspace workspace = Workspace.open(workFolder, remote, root)) {
            return workspace.releaseHistory(branch.equals("HEAD") ? workspace.defaultBranch() : branch, environments);
        }
    }
}
