package dev.mlgitops.maven;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Output;
import dev.mlgitops.ReviewResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the committed tree differs from what mlproject.yaml generates now, listing
 * every file as generate would change it ({@code + path} added, {@code ~ path} changed,
 * {@code - path} removed); passes quietly when they are in sync. The committed
 * tree is read from {@code <outputDirectory>/<spec.gitops.path>/} when {@code outputDirectory} is
 * given, else from the GitOps repository's branch. Writes nothing but the clone and the report
 * {@code output} asks for. For CI.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractCompareMojo {

    @Override
    protected void run(Path spec) throws MojoFailureException, MojoExecutionException {
        ReviewResult result = configureGitOps(MlGitops.check(spec)).setOutputDirectory(outputDirectory())
                .setReview(output() == Output.MARKDOWN).call();
        writeReport("check", spec, result);
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
