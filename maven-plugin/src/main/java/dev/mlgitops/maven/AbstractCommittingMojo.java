package dev.mlgitops.maven;

import dev.mlgitops.CommittingCommand;
import dev.mlgitops.Options;
import dev.mlgitops.Result;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals that commit into the GitOps repository share ({@code publish}, {@code promote}): the branch, the push, the author. */
abstract class AbstractCommittingMojo extends AbstractGitOpsMojo {

    /**
     * Commit on this new branch, made from {@code branch}, for a pull request.
     * <p>Property: "mlgitops.gitops.newBranch". Default: {@code publish} commits on {@code branch};
     * {@code promote} on {@code mlgitops/promote-<env>-<release>}.
     */
    @Parameter(property = Options.NEW_BRANCH)
    private String newBranch;

    /**
     * Push the branch; never forced. Without it the commit stays in the work folder.
     * <p>Property: "mlgitops.push". Default: {@code false}.
     */
    @Parameter(property = Options.PUSH, defaultValue = Options.PUSH_DEFAULT)
    private boolean push;

    /**
     * The commit's author name (with {@code authorEmail}).
     * <p>Property: "mlgitops.author.name". Default: the source repository's {@code user.name}, else "mlgitops".
     */
    @Parameter(property = Options.AUTHOR_NAME)
    private String authorName;

    /**
     * The commit's author email (with {@code authorName}).
     * <p>Property: "mlgitops.author.email". Default: the source repository's {@code user.email}.
     */
    @Parameter(property = Options.AUTHOR_EMAIL)
    private String authorEmail;

    /** The repository parameters and these applied to {@code command}. */
    protected final <C extends CommittingCommand<C, R>, R extends Result> C configureCommit(C command)
            throws MojoExecutionException, MojoFailureException {
        return configureGitOps(command).setNewBranch(newBranch).setPush(push).setAuthor(authorName, authorEmail);
    }
}
