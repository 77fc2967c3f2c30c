package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.ReviewResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the tree mlproject.yaml generates now with the committed one, without writing it, and
 * writes the review ({@code <build directory>/mlgitops/review.md}): each file as generate would
 * change it ({@code + path} added, {@code ~ path} changed, {@code - path} removed), flags a reviewer must not
 * miss (the deletion guard's among them), objects added, changed and removed per environment and
 * stage, and a unified diff per changed file. Prints a short summary. Never fails on what it finds.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractCompareMojo {

    /**
     * The Markdown review's file.
     * <p>Property: "mlgitops.review". Default: {@code ${project.build.directory}/mlgitops/review.md}.
     */
    @Parameter(property = Options.REVIEW)
    private File review;

    @Override
    protected void run(Path spec) throws MojoFailureException, MojoExecutionException {
        Path file = review != null ? review.toPath().toAbsolutePath().normalize() : reportDirectory().resolve("review.md");
        ReviewResult result = configureGitOps(MlGitops.diff(spec)).setOutputDirectory(outputDirectory()).setReviewFile(file).call();
        writeReport("diff", spec, result);
        report(result);
        result.driftLines().forEach(line -> getLog().info("mlgitops: " + line));
        result.reviewLines().forEach(line -> getLog().info("mlgitops: " + line));
        getLog().info("mlgitops: review written to " + file);
        result.driftSummary().ifPresent(line -> getLog().info("mlgitops: " + line));
    }
}
