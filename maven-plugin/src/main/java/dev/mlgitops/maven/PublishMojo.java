package dev.mlgitops.maven;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.PublishResult;
import dev.mlgitops.Status;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Commits the tree mlproject.yaml generates into the GitOps repository, under
 * {@code spec.gitops.path} only, when something changed; pushes when asked. The deletion guard
 * first compares the tree with the branch Argo CD syncs and refuses a change that removes
 * Applications, removes more than {@code maxDeletions} percent of the objects, or touches
 * production together with other environments, unless allowed.
 */
@Mojo(name = "publish", requiresProject = false, threadSafe = true)
public class PublishMojo extends AbstractGitOpsMojo {

    /**
     * Commit on this new branch, made from {@code branch}, for a pull request.
     * <p>Property: "mlgitops.gitops.newBranch". Default: none, commit on {@code branch}.
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
     * The commit's subject line.
     * <p>Property: "mlgitops.message". Default: derived from the changed paths.
     */
    @Parameter(property = Options.MESSAGE)
    private String message;

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

    @Override
    protected void run(Path spec) throws MojoFailureException, MojoExecutionException {
        PublishResult result = configureGitOps(MlGitops.publish(spec)).setNewBranch(newBranch).setPush(push)
                .setMessage(message).setAuthor(authorName, authorEmail).setSourceFolder(basedir()).call();
        report(result);
        if (result.status() == Status.REFUSED) {
            result.refusals().forEach(line -> getLog().error("mlgitops: " + line));
            throw new MojoFailureException("The deletion guard refuses to publish this change: "
                    + String.join("; ", result.refusalMessages()) + ". Review it with mlgitops:diff;"
                    + " if it is meant, allow it with "
                    + String.join(" ", result.allowingOptions().stream().map(option -> "-D" + option + "=true").toList()));
        }
        if (result.status() == Status.REJECTED) {
            throw new MojoFailureException("The GitOps repository refused the push of branch " + result.branch().orElse("")
                    + ": " + result.rejection().orElse("no reason given") + "; nothing was forced");
        }
        getLog().info("mlgitops: " + result.outcomeName().orElse("") + " branch " + result.branch().orElse("")
                + result.shortCommitId().map(id -> " at " + id).orElse("")
                + " (" + result.written().size() + " files written, " + result.removed().size() + " removed"
                + (result.retries() > 0 ? ", " + result.retries() + " retries" : "") + ")");
    }
}
