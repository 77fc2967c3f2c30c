package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.SortedMap;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Preparation;
import dev.mlgitops.git.HttpCredentials;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.Spec;
import dev.mlgitops.report.DeletionGuard;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** What the goals that reach the GitOps repository share: where it is, which branch, credentials, the guard. */
abstract class AbstractGitOpsMojo extends AbstractMlGitopsMojo {

    /**
     * The GitOps repository: an https, ssh, git or file URL, or a local path, without credentials
     * (a URL with a user or password is refused: use MLGITOPS_GIT_TOKEN or {@code serverId}).
     * <p>Property: {@value PluginProperties#REPOSITORY}, read by the goal itself rather than bound
     * by Maven, so that {@code mvn -X} never logs the value. Default: {@code spec.gitops.repoURL}.
     */
    @Parameter
    private String repository;

    /**
     * Send credentials to an {@code http://} repository too, readable by anyone on the way.
     * <p>Property: {@value PluginProperties#ALLOW_INSECURE_HTTP}. Default: {@code false}.
     */
    @Parameter(property = PluginProperties.ALLOW_INSECURE_HTTP, defaultValue = "false")
    private boolean allowInsecureHttp;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /**
     * The branch Argo CD syncs: published to, and compared with.
     * <p>Property: {@value PluginProperties#BRANCH}. Default: {@code spec.gitops.targetRevision}.
     */
    @Parameter(property = PluginProperties.BRANCH)
    private String branch;

    /**
     * The id of a settings.xml {@code <server>}: its username and password, or a password alone as
     * a token, reach an HTTPS repository (decrypted when encrypted). Never logged.
     * <p>Property: {@value PluginProperties#SERVER_ID}. Default: none; then the URL's or the
     * environment's (MLGITOPS_GIT_TOKEN, or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD).
     */
    @Parameter(property = PluginProperties.SERVER_ID)
    private String serverId;

    /**
     * mlgitops' clone of the GitOps repository, reused between runs.
     * <p>Property: {@value PluginProperties#WORK_FOLDER}. Default: {@code ${project.build.directory}/mlgitops/gitops-clone}.
     */
    @Parameter(property = PluginProperties.WORK_FOLDER)
    private File workFolder;

    /**
     * The share of the committed objects a change may remove before the guard refuses it, in percent.
     * <p>Property: {@value PluginProperties#MAX_DELETIONS}. Default: {@code 10}.
     */
    @Parameter(property = PluginProperties.MAX_DELETIONS, defaultValue = "10")
    private int maxDeletions;

    /**
     * Allow a change that removes Argo CD Applications or more than {@code maxDeletions} percent of the objects.
     * <p>Property: {@value PluginProperties#ALLOW_DELETIONS}. Default: {@code false}.
     */
    @Parameter(property = PluginProperties.ALLOW_DELETIONS, defaultValue = "false")
    private boolean allowDeletions;

    /**
     * Allow a change that touches production (the last environment) together with other environments.
     * <p>Property: {@value PluginProperties#ALLOW_PROD_WITH_OTHERS}. Default: {@code false}.
     */
    @Parameter(property = PluginProperties.ALLOW_PROD_WITH_OTHERS, defaultValue = "false")
    private boolean allowProdWithOthers;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter decrypter;

    /** Builds the tree; the spec's findings go to the log and fail the build on errors. */
    protected final Preparation prepare(Path spec, GenerateOptions options) throws MojoFailureException {
        Preparation preparation = MlGitops.prepare(spec, options);
        report(preparation.generation().sourceFile(), preparation.generation().findings());
        return preparation;
    }

    protected final OutputTree tree(Preparation preparation) {
        return preparation.generation().tree().orElseThrow();
    }

    /**
     * The repository given to the goal, else the spec's.
     *
     * @throws MojoFailureException when the given URL holds credentials
     */
    protected final String repository(Preparation preparation) throws MojoFailureException {
        String given = repository != null && !repository.isBlank() ? repository
                : session == null ? null : session.getUserProperties().getProperty(PluginProperties.REPOSITORY);
        if (given == null || given.isBlank()) {
            return gitops(preparation).repoURL();
        }
        if (HttpCredentials.inUrl(given)) {
            // the value is not repeated: it holds the secret
            throw new MojoFailureException("The repository URL given with " + PluginProperties.REPOSITORY
                    + " holds a user name or password; Maven would log it with -X. Give the URL without them, and the"
                    + " credentials in MLGITOPS_GIT_TOKEN (or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD) or in a"
                    + " settings.xml server named with -D" + PluginProperties.SERVER_ID);
        }
        return given;
    }

    protected final boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    protected final String branch(Preparation preparation) {
        return branch != null && !branch.isBlank() ? branch : gitops(preparation).targetRevision();
    }

    protected final Path workFolder() {
        return workFolder != null ? workFolder.toPath().toAbsolutePath().normalize() : reportDirectory().resolve("gitops-clone");
    }

    protected final DeletionGuard guard() {
        return new DeletionGuard(maxDeletions, allowDeletions, allowProdWithOthers);
    }

    /** The committed files under the tree's root: from {@code folder} when given, else from the repository's branch. */
    protected final SortedMap<String, String> committed(Preparation preparation, File folder)
            throws MojoExecutionException, MojoFailureException {
        OutputTree tree = tree(preparation);
        if (folder != null) {
            return MlGitops.readFolder(folder.toPath().toAbsolutePath().normalize().resolve(tree.root()));
        }
        return MlGitops.readTree(repository(preparation), tree.root()).setBranch(branch(preparation))
                .setWorkFolder(workFolder()).setCredentials(credentials()).setAllowInsecureHttp(allowInsecureHttp).call();
    }

    /** What the committed files are, for messages: the folder, or the repository's branch. */
    protected final String committedName(Preparation preparation, File folder) throws MojoFailureException {
        if (folder == null) {
            return repository(preparation) + " (branch " + branch(preparation) + ")";
        }
        // relative to the project: the name goes into review.md, which must not hold this machine's paths
        Path root = folder.toPath().toAbsolutePath().normalize().resolve(tree(preparation).root());
        return (root.startsWith(basedir()) ? basedir().relativize(root) : root).toString().replace('\\', '/');
    }

    /** The credentials of the settings.xml server, decrypted; null without a server id. */
    protected final HttpCredentials credentials() throws MojoExecutionException, MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("No <server> with id '" + serverId + "' in settings.xml: add one with the"
                    + " repository's username and password (or a token as the password), or drop -D" + PluginProperties.SERVER_ID);
        }
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    // the problem's own message may quote the value; name the server only
                    throw new MojoExecutionException("Cannot decrypt the password of server '" + serverId + "' in settings.xml");
                }
            }
            server = result.getServer();
        }
        String password = server.getPassword();
        if (password == null || password.isEmpty()) {
            throw new MojoFailureException("The server '" + serverId + "' in settings.xml has no password or token");
        }
        String username = server.getUsername();
        return username == null || username.isBlank() ? HttpCredentials.token(password) : new HttpCredentials(username, password);
    }

    private static Spec.GitOps gitops(Preparation preparation) {
        return preparation.gitops().orElseThrow();
    }
}
