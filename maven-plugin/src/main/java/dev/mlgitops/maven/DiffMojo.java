package dev.mlgitops.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Preparation;
import dev.mlgitops.report.TreeReview;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the tree mlproject.yaml generates now with the committed one, without writing it, and
 * writes {@code <build directory>/mlgitops/review.md}: flags a reviewer must not miss (the
 * deletion guard's among them), objects added, changed and removed per environment and stage,
 * and a unified diff per changed file. Prints a short summary. Never fails on what it finds.
 */
@Mojo(name = "diff", requiresProject = false, threadSafe = true)
public class DiffMojo extends AbstractGitOpsMojo {

    /** The review's file name inside the report directory. */
    static final String REVIEW = "review.md";

    /**
     * The folder holding the committed tree, as the root of the GitOps repository (e.g. {@code gitops}).
     * <p>Property: {@value PluginProperties#OUTPUT_DIRECTORY}. Default: none, the GitOps repository is read.
     */
    @Parameter(property = PluginProperties.OUTPUT_DIRECTORY)
    private File outputDirectory;

    @Override
    protected void run(Path spec, GenerateOptions options) throws MojoFailureException, MojoExecutionException {
        Preparation preparation = prepare(spec, options);
        TreeReview review = MlGitops.review(tree(preparation), committed(preparation, outputDirectory),
                preparation.production().orElseThrow());
        Path file = reportDirectory().resolve(REVIEW);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, review.markdown("`" + committedName(preparation, outputDirectory) + "`", guard()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("writing " + file + ": " + e.getClass().getSimpleName(), e);
        }
        review.summary(guard()).forEach(line -> getLog().info("mlgitops: " + line));
        getLog().info("mlgitops: review written to " + file);
    }
}
