package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.Generation;
import dev.mlgitops.MlGitops;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates mlproject.yaml, then writes the kustomize and Argo CD tree to
 * {@code <outputDirectory>/<spec.gitops.path>/}, so every Application's {@code source.path}
 * resolves against the output directory as it will against the GitOps repository. On errors it
 * writes nothing and fails the build.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, requiresProject = false, threadSafe = true)
public class GenerateMojo extends AbstractMlGitopsMojo {

    /**
     * The folder the tree is written under, as the root of the GitOps repository.
     * <p>Property: {@value PluginProperties#OUTPUT_DIRECTORY}. Default:
     * <code>${project.build.directory}/mlgitops</code>; without a pom, <code>./target/mlgitops</code>.
     */
    @Parameter(property = PluginProperties.OUTPUT_DIRECTORY)
    private File outputDirectory;

    /**
     * Skip the work when the spec, the blueprints, the plugin and these parameters are as in the
     * last run of this execution and every file it wrote is still as written: the tree is then read
     * back and the last run's findings reported again. A stamp in
     * <code>${project.build.directory}/mlgitops-stamps/</code> records that run; {@code false} always works.
     * <p>Property: {@value PluginProperties#INCREMENTAL}. Default: {@code true}. @since 0.1.0
     */
    @Parameter(property = PluginProperties.INCREMENTAL, defaultValue = "true")
    private boolean incremental;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution execution;

    @Override
    protected void run(Path spec, GenerateOptions options) throws MojoFailureException {
        Path output = outputDirectory();
        long start = System.nanoTime();
        Generation generation = MlGitops.generate(spec, options.withOutputDirectory(output).withStamp(stamp()));
        writeFindingReports(spec, generation.findings());
        generation.prerequisites().ifPresent(prerequisites -> prerequisites.writeTo(reportDirectory()));
        report(generation.sourceFile(), generation.findings());
        generation.summary().ifPresent(summary ->
                summary.table(Duration.ofNanos(System.nanoTime() - start)).lines().forEach(getLog()::info));
        generation.tree().ifPresent(tree -> getLog().info("mlgitops: tree is in " + output.resolve(tree.root())));
    }

    /** One stamp per execution: two executions of one pom may write two trees. */
    private Path stamp() {
        String id = execution == null ? "default-cli" : execution.getExecutionId();
        return incremental ? buildDirectory().resolve("mlgitops-stamps").resolve("generate-" + id + ".json") : null;
    }

    private Path outputDirectory() {
        return outputDirectory != null ? outputDirectory.toPath().toAbsolutePath().normalize() : reportDirectory();
    }
}
