package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.PromoteResult;
import dev.mlgitops.Status;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes a release in the GitOps repository: the environment {@code to} takes the release that
 * {@code from} (by default the environment before it) pins, and accepts only a release that the
 * environment before it has had; with {@code release}, rolls back to a release found in the
 * repository's history. Commits the target's overlay alone, on a new branch for a pull request
 * unless {@code newBranch} names one; pushes when asked.
 */
@Mojo(name = "promote", requiresProject = false, threadSafe = true)
public class PromoteMojo extends AbstractCommittingMojo {

    /**
     * The environment that takes the release.
     * <p>Property: "mlgitops.to". Required.
     */
    @Parameter(property = Options.TO, required = true)
    private String to;

    /**
     * The environment whose pinned release {@code to} takes.
     * <p>Property: "mlgitops.from". Default: the environment before {@code to}.
     */
    @Parameter(property = Options.FROM)
    private String from;

    /**
     * A release id that {@code to} or its source had before, found in the repository's history: a rollback.
     * <p>Property: "mlgitops.release". Default: none.
     */
    @Parameter(property = Options.RELEASE)
    private String release;

    /**
     * Let the release skip the environment before {@code to}; the commit and the review say so.
     * <p>Property: "mlgitops.allowSkip". Default: {@code false}.
     */
    @Parameter(property = Options.ALLOW_SKIP, defaultValue = Options.ALLOW_SKIP_DEFAULT)
    private boolean allowSkip;

    /**
     * The promotion's Markdown review: the release diff, the flags (a skipped environment among
     * them), the objects and files it changes.
     * <p>Property: "mlgitops.review". Default: {@code ${project.build.directory}/mlgitops/review.md}.
     */
    @Parameter(property = Options.REVIEW)
    private File review;

    @Override
    protected void run(Path spec) throws MojoFailureException, MojoExecutionException {
        Path file = review != null ? review.toPath().toAbsolutePath().normalize() : reportDirectory().resolve("review.md");
        PromoteResult result = configureCommit(MlGitops.promote(spec, to)).setFrom(from).setRelease(release)
                .setAllowSkip(allowSkip).setReviewFile(file).call();
        report(result);
        if (result.reviewMarkdown().isPresent()) {
            getLog().info("mlgitops: review written to " + file);
        }
        if (result.status() == Status.REFUSED) {
            throw new MojoFailureException("mlgitops refuses this promotion: " + result.message());
        }
        if (result.status() == Status.REJECTED) {
            throw new MojoFailureException("The GitOps repository refused the push of branch " + result.branch().orElse("")
                    + ": " + result.rejection().orElse("no reason given") + "; nothing was forced");
        }
        getLog().info("mlgitops: " + result.message() + result.outcomeName().map(o -> "; " + o + " branch "
                + result.branch().orElse("") + result.shortCommitId().map(id -> " at " + id).orElse("")).orElse(""));
    }
}
