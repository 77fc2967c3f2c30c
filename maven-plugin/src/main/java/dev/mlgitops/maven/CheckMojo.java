package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Preparation;
import dev.mlgitops.write.TreeComparison;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the committed tree differs from what mlproject.yaml generates now, listing
 * every missing, different and stale file; passes quietly when they are in sync. The committed
 * tree is read from {@code <outputDirectory>/<spec.gitops.path>/} when {@code outputDirectory} is
 * given, else from the GitOps repository's branch. Writes nothing but the clone. For CI.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractGitOpsMojo {

    /**
     * The folder holding the committed tree, as the root of the GitOps repository (e.g. {@code gitops}).
     * <p>Property: {@value PluginProperties#OUTPUT_DIRECTORY}. Default: none, the GitOps repository is read.
     */
    @Parameter(property = PluginProperties.OUTPUT_DIRECTORY)
    private File outputDirectory;

    @Override
    protected void run(Path spec, GenerateOptions options) throws MojoFailureException, MojoExecutionException {
        Preparation preparation = prepare(spec, options);
        TreeComparison comparison = MlGitops.compare(tree(preparation), committed(preparation, outputDirectory));
        String where = committedName(preparation, outputDirectory);
        if (comparison.inSync()) {
            getLog().info("mlgitops: " + where + " is what " + preparation.generation().sourceFile() + " generates");
            return;
        }
        comparison.lines().forEach(line -> getLog().error("mlgitops: " + line));
        throw new MojoFailureException(where + " differs from what " + preparation.generation().sourceFile()
                + " generates (" + comparison.lines().size() + (comparison.lines().size() == 1 ? " file: " : " files: ")
                + String.join(", ", comparison.lines())
                + "); run mlgitops:generate or mlgitops:publish and commit the result");
    }
}
