package dev.mlgitops;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.git.HttpCredentials;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.BranchNames;
import dev.mlgitops.review.DeletionGuard;
import dev.mlgitops.write.TreeFiles;

/**
 * What the commands that read the GitOps repository share ({@code check}, {@code diff},
 * {@code publish}): where it is, which branch, the clone, credentials, and the deletion guard.
 *
 * @param <C> the command itself, so that the setters chain
 * @param <R> its result
 */
public abstract class GitOpsCommand<C extends GitOpsCommand<C, R>, R extends Result> extends SpecCommand<C, R> {

    private Optional<String> repository = Optional.empty();
    private Optional<String> branch = Optional.empty();
    private Path workFolder = Path.of("target", "mlgitops", "gitops-clone").toAbsolutePath();
    private Optional<HttpCredentials> credentials = Optional.empty();
    private boolean allowInsecureHttp;
    private int maxDeletions = Integer.parseInt(Options.MAX_DELETIONS_DEFAULT);
    private boolean allowDeletions;
    private boolean allowProdWithOthers;
    private Path baseDirectory = Path.of("").toAbsolutePath();

    GitOpsCommand(Path spec) {
        super(spec);
    }

    /**
     * Whether a repository URL holds a user name or password, which a front end that logs its
     * options (Maven's {@code -X}) refuses to take: credentials go in the environment or settings.xml.
     */
    public static boolean holdsCredentials(String urlOrPath) {
        return urlOrPath != null && HttpCredentials.inUrl(urlOrPath);
    }

    /** The GitOps repository: an https, ssh, git or file URL, or a local path. Default {@code spec.gitops.repoURL}. */
    public final C setRepository(String urlOrPath) {
        this.repository = Optional.ofNullable(urlOrPath).filter(r -> !r.isBlank());
        return self();
    }

    /** The branch Argo CD syncs: compared with, published to. Default {@code spec.gitops.targetRevision}. */
    public final C setBranch(String name) {
        this.branch = Optional.ofNullable(name).filter(b -> !b.isBlank()).map(b -> requireBranchName(Options.BRANCH, b));
        return self();
    }

    /**
     * A branch name given as an option, checked as git's check-ref-format would: a name that git
     * refuses is a mistake of the caller's, refused before anything runs.
     *
     * @throws IllegalArgumentException naming the option and what git refuses, the value escaped and cut
     */
    static String requireBranchName(String option, String name) {
        BranchNames.problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(Options.flag(option) + " (-D" + option + "): '" + Shown.value(name)
                    + "' is not a branch name: " + problem);
        });
        return name;
    }

    /** mlgitops' clone of the repository, reused between runs. Default {@code target/mlgitops/gitops-clone}. */
    public final C setWorkFolder(Path folder) {
        if (folder != null) {
            this.workFolder = folder.toAbsolutePath().normalize();
        }
        return self();
    }

    /**
     * HTTPS credentials, never printed. Default: the URL's, else the environment's
     * (MLGITOPS_GIT_TOKEN, or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD).
     *
     * @param username null or blank for a token alone
     */
    public final C setCredentials(String username, String password) {
        Objects.requireNonNull(password, "password");
        this.credentials = Optional.of(username == null || username.isBlank() ? HttpCredentials.token(password)
                : new HttpCredentials(username, password));
        return self();
    }

    /**
     * Send credentials to a plain {@code http://} repository too, readable by anyone on the way.
     * Default false: a plain http repository with credentials is refused before anything is sent.
     */
    public final C setAllowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    /** The share of the committed objects a change may remove before the guard refuses it, in percent (0 to 100). Default 10. */
    public final C setMaxDeletions(int percent) {
        DeletionGuard.defaults().withMaxDeletionsPercent(percent); // refuses a share out of range
        this.maxDeletions = percent;
        return self();
    }

    /** Allow a change that removes Argo CD Applications or more than the share of objects. Default false. */
    public final C setAllowDeletions(boolean allow) {
        this.allowDeletions = allow;
        return self();
    }

    /** Allow a change that touches production (the last environment) together with other environments. Default false. */
    public final C setAllowProdWithOthers(boolean allow) {
        this.allowProdWithOthers = allow;
        return self();
    }

    /** The folder that folders in messages and the review are named relative to. Default the current folder. */
    public final C setBaseDirectory(Path folder) {
        if (folder != null) {
            this.baseDirectory = folder.toAbsolutePath().normalize();
        }
        return self();
    }

    @SuppressWarnings("unchecked")
    private C self() {
        return (C) this;
    }

    final DeletionGuard guard() {
        return new DeletionGuard(maxDeletions, allowDeletions, allowProdWithOthers);
    }

    final String repository(BuildOutcome built) {
        return repository.orElseGet(() -> built.gitops().orElseThrow().repoURL());
    }

    final String branch(BuildOutcome built) {
        return branch.orElseGet(() -> built.gitops().orElseThrow().targetRevision());
    }

    final Path workFolder() {
        return workFolder;
    }

    final Optional<HttpCredentials> credentials() {
        return credentials;
    }

    final boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    final Path baseDirectory() {
        return baseDirectory;
    }

    /** The committed files under the tree's root: from {@code folder} when given, else from the repository's branch. */
    final SortedMap<String, String> committed(BuildOutcome built, Optional<Path> folder) {
        OutputTree tree = built.tree().orElseThrow();
        if (folder.isPresent()) {
            return TreeFiles.read(folder.get().resolve(tree.root()));
        }
        return GitOps.readTree(repository(built), tree.root()).setBranch(branch(built)).setWorkFolder(workFolder)
                .setCredentials(credentials.orElse(null)).setAllowInsecureHttp(allowInsecureHttp).call();
    }

    /**
     * What the committed files are, for messages: the repository's branch, or the folder relative
     * to the base directory (absolute when outside it).
     */
    final String committedName(BuildOutcome built, Optional<Path> folder) {
        return name(built, folder, false);
    }

    /** The same for review.md, which must not hold this machine's paths: a folder outside the base directory by its name. */
    final String reviewName(BuildOutcome built, Optional<Path> folder) {
        return name(built, folder, true);
    }

    private String name(BuildOutcome built, Optional<Path> folder, boolean portable) {
        if (folder.isEmpty()) {
            return GitOps.displayName(repository(built)) + " (branch " + branch(built) + ")";
        }
        Path root = folder.get().resolve(built.tree().orElseThrow().root());
        Path shown = root.startsWith(baseDirectory) ? baseDirectory.relativize(root) : portable ? root.getFileName() : root;
        return shown.toString().replace('\\', '/');
    }
}
