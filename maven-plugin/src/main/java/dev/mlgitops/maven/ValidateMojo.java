package dev.mlgitops.maven;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.ValidateResult;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks mlproject.yaml through the whole pipeline (YAML, schema, references, rendering, types,
 * policy, function) and prints every finding as {@code file:line:column: severity [CODE] path: message},
 * then the prerequisites in one line; fails the build on what {@code generate} would fail on.
 * Writes no tree, only the findings as SARIF, JUnit XML and JSON, and prerequisites.json, into
 * {@code <build directory>/mlgitops/}. Runs without a project too:
 * {@code mvn dev.mlgitops:mlgitops-maven-plugin:validate -Dmlgitops.spec=path/to/mlproject.yaml}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractMlGitopsMojo {

    @Override
    protected void run(Path spec) throws MojoFailureException {
        ValidateResult result = configure(MlGitops.validate(spec)).call();
        writeFindingReports(spec, result);
        report(result);
        getLog().info("mlgitops: " + result.sourceFile() + " is valid");
        result.prerequisitesSummary().ifPresent(prerequisites -> getLog().info("mlgitops: " + prerequisites));
    }
}
