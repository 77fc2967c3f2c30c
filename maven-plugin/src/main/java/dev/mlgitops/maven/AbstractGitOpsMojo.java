package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;

import dev.mlgitops.GitOpsCommand;
import dev.mlgitops.Options;
import dev.mlgitops.Result;
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
     * <p>Property: "mlgitops.gitops.repository", read by the goal itself rather than bound by
     * Maven, so that {@code mvn -X} never logs the value. Default: {@code spec.gitops.repoURL}.
     */
    @Parameter
    private String repository;

    /**
     * Send credentials to an {@code http://} repository too, readable by anyone on the way.
     * <p>Property: "mlgitops.allowInsecureHttp". Default: {@code false}.
     */
    @Parameter(property = Options.ALLOW_INSECURE_HTTP, defaultValue = Options.ALLOW_INSECURE_HTTP_DEFAULT)
    private boolean allowInsecureHttp;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /**
     * The branch Argo CD syncs: published to, and compared with.
     * <p>Property: "mlgitops.gitops.branch". Default: {@code spec.gitops.targetRevision}.
     */
    @Parameter(property = Options.BRANCH)
    private String branch;

    /**
     * The id of a settings.xml {@code <server>}: its username and password, or a password alone as
     * a token, reach an HTTPS repository (decrypted when encrypted). Never logged.
     * <p>Property: "mlgitops.gitops.serverId". Default: none; then the URL's or the
     * environment's (MLGITOPS_GIT_TOKEN, or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD).
     */
    @Parameter(property = Options.SERVER_ID)
    private String serverId;

    /**
     * mlgitops' clone of the GitOps repository, reused between runs.
     * <p>Property: "mlgitops.gitops.workFolder". Default: {@code ${project.build.directory}/mlgitops/gitops-clone}.
     */
    @Parameter(property = Options.WORK_FOLDER)
    private File workFolder;

    /**
     * The share of the committed objects a change may remove before the guard refuses it, in percent.
     * <p>Property: "mlgitops.maxDeletions". Default: {@code 10}.
     */
    @Parameter(property = Options.MAX_DELETIONS, defaultValue = Options.MAX_DELETIONS_DEFAULT)
    private int maxDeletions;

    /**
     * Allow a change that removes Argo CD Applications or more than {@code maxDeletions} percent of the objects.
     * <p>Property: "mlgitops.allowDeletions". Default: {@code false}.
     */
    @Parameter(property = Options.ALLOW_DELETIONS, defaultValue = Options.ALLOW_DELETIONS_DEFAULT)
    private boolean allowDeletions;

    /**
     * Allow a change that touches production (the last environment) together with other environments.
     * <p>Property: "mlgitops.allowProdWithOthers". Default: {@code false}.
     */
    @Parameter(property = Options.ALLOW_PROD_WITH_OTHERS, defaultValue = Options.ALLOW_PROD_WITH_OTHERS_DEFAULT)
    private boolean allowProdWithOthers;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter decrypter;

    /** The repository's options mapped onto the command, the credentials of the settings.xml server among them. */
    protected final <C extends GitOpsCommand<C, R>, R extends Result> C configureGitOps(C command)
            throws MojoExecutionException, MojoFailureException {
        if (maxDeletions < 0 || maxDeletions > 100) {
            throw new MojoFailureException("-D" + Options.MAX_DELETIONS + "=" + maxDeletions + " is not a share: use 0 to 100");
        }
        configure(command).setRepository(repository()).setBranch(branch).setWorkFolder(workFolder())
                .setAllowInsecureHttp(allowInsecureHttp)
                .setMaxDeletions(maxDeletions).setAllowDeletions(allowDeletions).setAllowProdWithOthers(allowProdWithOthers)
                .setBaseDirectory(basedir());
        Server server = server();
        if (server != null) {
            String username = server.getUsername();
            command.setCredentials(username == null || username.isBlank() ? null : username, server.getPassword());
        }
        return command;
    }

    /**
     * The repository given to the goal, as the parameter or the user property, which the goal reads
     * itself so that Maven never logs it; null for the spec's.
     *
     * @throws MojoFailureException when the given URL holds credentials
     */
    String repository() throws MojoFailureException {
        String given = repository != null && !repository.isBlank() ? repository
                : session == null ? null : session.getUserProperties().getProperty(Options.REPOSITORY);
        if (given == null || given.isBlank()) {
            return null;
        }
        if (GitOpsCommand.holdsCredentials(given)) {
            // the value is not repeated: it holds the secret
            throw new MojoFailureException("The repository URL given with " + Options.REPOSITORY
                    + " holds a user name or password; Maven would log it with -X. Give the URL without them, and the"
                    + " credentials in MLGITOPS_GIT_TOKEN (or MLGITOPS_GIT_USERNAME and MLGITOPS_GIT_PASSWORD) or in a"
                    + " settings.xml server named with -D" + Options.SERVER_ID);
        }
        return given;
    }

    private Path workFolder() {
        return workFolder != null ? workFolder.toPath().toAbsolutePath().normalize() : reportDirectory().resolve("gitops-clone");
    }

    /** The settings.xml server, decrypted; null without a server id. */
    Server server() throws MojoExecutionException, MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("No <server> with id '" + serverId + "' in settings.xml: add one with the"
                    + " repository's username and password (or a token as the password), or drop -D" + Options.SERVER_ID);
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
        return server;
    }
}
