package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.ReviewResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the committed tree differs from what mlproject.yaml generates now, listing
 * every file as generate would change it ({@code + path} added, {@code ~ path} changed,
 * {@code - path} removed); passes quietly when they are in sync. The committed
 * tree is read from {@code <outputDirectory>/<spec.gitops.path>/} when {@code outputDirectory} is
 * given, else from the GitOps repository's branch. Writes nothing but the clone. For CI.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractGitOpsMojo {

    /**
     * The folder holding the committed tree, as the root of the GitOps repository (e.g. {@code gitops}).
     * <p>Property: "mlgitops.outputDirectory". Default: none, the GitOps repository is read.
     */
    @Parameter(property = Options.OUTPUT_DIRECTORY)
    private File outputDirectory;

    @Override
    protected void run(Path spec) throws MojoFailureException, MojoExecutionException {
        ReviewResult result = configureGitOps(MlGitops.check(spec))
                .setOutputDirectory(outputDirectory == null ? null : outputDirectory.toPath()).call();
        report(result);
        if (result.inSync()) {
            getLog().info("mlgitops: " + result.comparedWith() + " is what " + result.sourceFile() + " generates");
            return;
        }
        result.driftLines().forEach(line -> getLog().error("mlgitops: " + line));
        throw new MojoFailureException(result.driftSummary().orElseThrow()
                + "; run mlgitops:generate or mlgitops:publish and commit the result");
    }
}
