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
public class PublishMojo extends AbstractCommittingMojo {

    /**
     * The commit's subject line.
     * <p>Property: "mlgitops.message". Default: derived from the changed paths.
     */
    @Parameter(property = Options.MESSAGE)
    private String message;

    @Override
    protected void run(Path spec) throws MojoFailureException, MojoExecutionException {
        PublishResult result = configureCommit(MlGitops.publish(spec))
                .setMessage(message).setSourceFolder(basedir()).call();
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
