package dev.mlgitops.maven;

import java.nio.file.Path;
import java.util.List;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Preparation;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.git.PublishCommand;
import dev.mlgitops.git.PublishResult;
import dev.mlgitops.report.Flag;
import dev.mlgitops.report.TreeReview;
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
     * <p>Property: {@value PluginProperties#NEW_BRANCH}. Default: none, commit on {@code branch}.
     */
    @Parameter(property = PluginProperties.NEW_BRANCH)
    private String newBranch;

    /**
     * Push the branch; never forced. Without it the commit stays in the work folder.
     * <p>Property: {@value PluginProperties#PUSH}. Default: {@code false}.
     */
    @Parameter(property = PluginProperties.PUSH, defaultValue = "false")
    private boolean push;

    /**
     * The commit's author name (with {@code authorEmail}).
     * <p>Property: {@value PluginProperties#AUTHOR_NAME}. Default: the source repository's {@code user.name}, else "mlgitops".
     */
    @Parameter(property = PluginProperties.AUTHOR_NAME)
    private String authorName;

    /**
     * The commit's author email (with {@code authorName}).
     * <p>Property: {@value PluginProperties#AUTHOR_EMAIL}. Default: the source repository's {@code user.email}.
     */
    @Parameter(property = PluginProperties.AUTHOR_EMAIL)
    private String authorEmail;

    @Override
    protected void run(Path spec, GenerateOptions options) throws MojoFailureException, MojoExecutionException {
        Preparation preparation = prepare(spec, options);
        String repository = repository(preparation);
        TreeReview review = MlGitops.review(tree(preparation), committed(preparation, null), preparation.production().orElseThrow());
        List<Flag> refusals = guard().refusals(review);
        if (!refusals.isEmpty()) {
            refusals.forEach(flag -> getLog().error("mlgitops: " + flag.line()));
            throw new MojoFailureException("The deletion guard refuses to publish this change: "
                    + String.join("; ", refusals.stream().map(Flag::message).toList()) + ". Review it with mlgitops:diff;"
                    + " if it is meant, allow it with " + String.join(" ", refusals.stream().map(PublishMojo::allowing).distinct().toList()));
        }
        PublishCommand command = MlGitops.publish(tree(preparation), repository).setBranch(branch(preparation))
                .setNewBranch(newBranch).setPush(push).setWorkFolder(workFolder()).setCredentials(credentials())
                .setAllowInsecureHttp(allowInsecureHttp())
                .setSource(GitOps.readSource(basedir())).setProject(preparation.project().orElseThrow().metadata().name());
        if (authorName != null && authorEmail != null) {
            command.setAuthor(authorName, authorEmail);
        }
        PublishResult result = command.call();
        if (result.status() == PublishResult.Status.REJECTED) {
            throw new MojoFailureException("The GitOps repository refused the push of branch " + result.branch() + ": "
                    + result.rejection().orElse("no reason given") + "; nothing was forced");
        }
        getLog().info("mlgitops: " + result.status().name().toLowerCase(java.util.Locale.ROOT) + " branch " + result.branch()
                + result.commitId().map(id -> " at " + id.substring(0, Math.min(12, id.length()))).orElse("")
                + " (" + result.written().size() + " files written, " + result.removed().size() + " removed"
                + (result.retries() > 0 ? ", " + result.retries() + " retries" : "") + ")");
    }

    /** The switch that allows what the guard refused. */
    private static String allowing(Flag refusal) {
        return "-D" + (refusal.kind() == Flag.Kind.PROD_WITH_OTHERS ? PluginProperties.ALLOW_PROD_WITH_OTHERS
                : PluginProperties.ALLOW_DELETIONS) + "=true";
    }
}
