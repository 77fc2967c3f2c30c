package dev.mlgitops.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.write.WriteResult;

/**
 * Publishes a tree into the GitOps repository, JGit porcelain style: made by
 * {@link GitOps#publish(OutputTree, String)} with the required arguments, set up with the
 * optional ones, run once with {@link #call()}.
 *
 * <p>It clones the repository into the work folder (or opens the clone already there and
 * fetches), checks out the branch, writes the tree under its root, stages exactly the changes
 * under that root, and commits only when something changed. When asked, it pushes the branch;
 * when the remote moved meanwhile it fetches, re-applies the tree on the remote's commit and
 * pushes again, a bounded number of times. It never force-pushes and never touches a path
 * outside the tree's root.
 */
public final class CommitTreeCommand {

    private final OutputTree tree;
    private final String repository;
    private String branch = "HEAD";
    private Optional<String> newBranch = Optional.empty();
    private boolean push;
    private Optional<Author> author = Optional.empty();
    private SourceRepository source = SourceRepository.NONE;
    private Optional<String> project = Optional.empty();
    private Optional<String> subject = Optional.empty();
    private List<String> trailers = List.of();
    private Path workFolder;
    private Optional<HttpCredentials> credentials = Optional.empty();
    private boolean allowInsecureHttp;
    private Map<String, String> environment = System.getenv();
    private HttpCredentials.Variables variables = HttpCredentials.Variables.defaults();
    private SshSettings ssh = SshSettings.defaults();
    private int maxRetries = 3;
    private Duration timeout = Duration.ofSeconds(60);
    private IntConsumer beforePush = attempt -> { };
    private boolean called;

    CommitTreeCommand(OutputTree tree, String repository) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.workFolder = Path.of("target", "mlgitops", "gitops-clone");
    }

    /**
     * The branch to publish to, or to start the new branch from: {@code spec.gitops.targetRevision}.
     * Default "HEAD": the remote's default branch ("main" in an empty repository).
     */
    public CommitTreeCommand setBranch(String name) {
        this.branch = Objects.requireNonNull(name, "branch");
        return this;
    }

    /**
     * Commit on this branch instead, e.g. for a pull request: created from {@link #setBranch the
     * branch} unless it exists already (then publishing updates it). Default: none.
     */
    public CommitTreeCommand setNewBranch(String name) {
        this.newBranch = Optional.ofNullable(name).filter(n -> !n.isBlank());
        return this;
    }

    /** Push the branch to the remote. Default false: the commit stays in the work folder. */
    public CommitTreeCommand setPush(boolean push) {
        this.push = push;
        return this;
    }

    /** The commit's author and committer. Default: the source repository's user, else {@link Author#FALLBACK}. */
    public CommitTreeCommand setAuthor(String name, String email) {
        this.author = Optional.of(new Author(name, email));
        return this;
    }

    /**
     * The repository of the project's source, from {@link GitOps#readSource(Path)}: its HEAD goes
     * into the {@code Source-Commit} trailer and its user is the default author. Default: none.
     */
    public CommitTreeCommand setSource(SourceRepository source) {
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    /** The project's name for the commit's subject ({@code metadata.name}). Default: the last folder of the tree's root. */
    public CommitTreeCommand setProject(String name) {
        this.project = Optional.ofNullable(name).filter(n -> !n.isBlank());
        return this;
    }

    /** Replaces the commit's derived subject line; the body and the trailer stay. Default: derived from the changed paths. */
    public CommitTreeCommand setMessage(String subjectLine) {
        this.subject = Optional.ofNullable(subjectLine).map(String::strip).filter(s -> !s.isEmpty());
        return this;
    }

    /**
     * More trailers for the commit message, one {@code Key: value} each, after {@code Source-Commit}:
     * a promotion's {@link dev.mlgitops.release.PromotionResult#trailers()}. Default: none.
     */
    public CommitTreeCommand setTrailers(List<String> lines) {
        this.trailers = List.copyOf(lines);
        return this;
    }

    /**
     * The folder holding mlgitops' clone of the repository: cloned into when empty or missing,
     * reused (fetched and reset) when it is a clone of the same repository. Default
     * {@code target/mlgitops/gitops-clone}, relative to the working folder.
     */
    public CommitTreeCommand setWorkFolder(Path folder) {
        this.workFolder = Objects.requireNonNull(folder, "workFolder");
        return this;
    }

    /** HTTPS credentials, e.g. from a settings.xml server. Default: a password in the URL, else the environment's. */
    public CommitTreeCommand setCredentials(HttpCredentials credentials) {
        this.credentials = Optional.ofNullable(credentials);
        return this;
    }

    /**
     * Send credentials over plain {@code http://} too. Default false: a plain http repository with
     * credentials is refused, so that no token crosses the network readable.
     */
    public CommitTreeCommand setAllowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /** The environment HTTPS credentials are read from. Default {@link System#getenv()}. */
    public CommitTreeCommand setEnvironment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** The names of the credential variables. Default {@link HttpCredentials.Variables#defaults()}. */
    public CommitTreeCommand setCredentialVariables(HttpCredentials.Variables names) {
        this.variables = Objects.requireNonNull(names, "variables");
        return this;
    }

    /** SSH's folders, keys and known hosts. Default {@link SshSettings#defaults()}. */
    public CommitTreeCommand setSsh(SshSettings settings) {
        this.ssh = Objects.requireNonNull(settings, "ssh");
        return this;
    }

    /** How often to fetch, re-apply and push again when the remote moved. Default 3. */
    public CommitTreeCommand setMaxRetries(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        this.maxRetries = retries;
        return this;
    }

    /** The timeout of each network operation. Default 60 seconds. */
    public CommitTreeCommand setTimeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** For tests: runs before each push attempt (0 first), e.g. to move the remote meanwhile. */
    CommitTreeCommand beforePush(IntConsumer hook) {
        this.beforePush = hook;
        return this;
    }

    /**
     * Runs the publish.
     *
     * @return what it did; a push the remote refused, or that kept losing the race, is {@link CommitTreeResult.Status#REJECTED}
     * @throws GitOpsException when the repository cannot be reached, refuses the credentials, or the work folder cannot be used
     */
    public CommitTreeResult call() {
        if (called) {
            throw new IllegalStateException("a CommitTreeCommand runs once; make a new one with GitOps.publish");
        }
        called = true;
        Optional<HttpCredentials> fromEnvironment = HttpCredentials.fromEnvironment(environment, variables);
        try (Remote remote = Remote.of(repository, credentials, fromEnvironment, variables, ssh, timeout, allowInsecureHttp);
                Workspace workspace = Workspace.open(workFolder, remote, tree.root())) {
            String target = branch.equals("HEAD") ? workspace.defaultBranch() : branch;
            String published = newBranch.orElse(target);
            workspace.switchTo(published, target);
            Workspace.MessageParts parts = new Workspace.MessageParts(project.orElseGet(this::projectFromRoot), subject, source.head(),
                    trailers);
            Author by = author.or(source::author).orElse(Author.FALLBACK);

            Workspace.Attempt attempt = workspace.commit(tree, parts, by);
            if (!push) {
                return result(attempt.committed() ? CommitTreeResult.Status.COMMITTED : CommitTreeResult.Status.UNCHANGED,
                        published, workspace, attempt, false, 0, Optional.empty());
            }
            for (int retries = 0; ; retries++) {
                beforePush.accept(retries);
                Workspace.PushOutcome outcome = workspace.push(published);
                if (outcome.accepted()) {
                    boolean nothingNew = !attempt.committed() && outcome.nothingToPush();
                    return result(nothingNew ? CommitTreeResult.Status.UNCHANGED : CommitTreeResult.Status.PUSHED,
                            published, workspace, attempt, true, retries, Optional.empty());
                }
                if (!outcome.remoteMoved() || retries == maxRetries) {
                    return result(CommitTreeResult.Status.REJECTED, published, workspace, attempt, false, retries,
                            Optional.of(outcome.describe()));
                }
                // the remote moved (or another push won the race for the ref): start again from its commit;
                // the tree is written whole, so nothing is lost
                workspace.fetch();
                workspace.resetToRemote(published);
                attempt = workspace.commit(tree, parts, by);
            }
        }
    }

    private CommitTreeResult result(CommitTreeResult.Status status, String published, Workspace workspace,
            Workspace.Attempt attempt, boolean pushed, int retries, Optional<String> rejection) {
        WriteResult written = attempt.written();
        return new CommitTreeResult(status, published, workspace.head(), attempt.committed(), pushed, retries,
                written.written(), written.removed(), rejection);
    }

    private String projectFromRoot() {
        String root = tree.root();
        return root.isEmpty() ? "mlgitops" : root.substring(root.lastIndexOf('/') + 1);
    }
}
