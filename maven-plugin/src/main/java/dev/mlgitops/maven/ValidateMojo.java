package dev.mlgitops.maven;

import java.nio.file.Path;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Generation;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks mlproject.yaml (YAML, schema, environments and references) and prints every finding as
 * {@code file:line:column: severity [CODE] path: message}; fails the build on errors. Writes no
 * tree, only the findings as SARIF, JUnit XML and JSON into {@code <build directory>/mlgitops/}.
 * Runs without a project too: {@code mvn dev.mlgitops:mlgitops-maven-plugin:validate -Dmlgitops.spec=path/to/mlproject.yaml}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractMlGitopsMojo {

    @Override
    protected void run(Path spec, GenerateOptions options) throws MojoFailureException {
        // the whole pipeline up to the function checks, written nowhere: what generate refuses, validate refuses
        Generation generation = MlGitops.build(spec, options.withProgress(line -> { }));
        writeFindingReports(spec, generation.findings());
        report(generation.sourceFile(), generation.findings());
        getLog().info("mlgitops: " + generation.sourceFile() + " is valid");
        generation.prerequisites().ifPresent(prerequisites -> {
            prerequisites.writeTo(reportDirectory());
            getLog().info("mlgitops: " + prerequisites.summary());
        });
    }
}
