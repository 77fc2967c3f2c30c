package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.MlGitops;
import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Severity;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every mlgitops goal shares: the spec, the blueprints, skipping, and turning findings into
 * Maven's log and build result. A subclass makes one facade call in {@link #run}.
 */
abstract class AbstractMlGitopsMojo extends AbstractMojo {

    /**
     * The mlproject.yaml to read.
     * <p>Property: {@value PluginProperties#SPEC}. Default: <code>${basedir}/mlproject.yaml</code>.
     */
    @Parameter(property = PluginProperties.SPEC, defaultValue = "${basedir}/mlproject.yaml")
    private File spec;

    /**
     * A folder of Freemarker templates that replace the built-in blueprints of the same
     * relative path (e.g. {@code serving/kserve/inferenceservice.yaml.ftl}); the others stay.
     * <p>Property: {@value PluginProperties#BLUEPRINTS}. Default: none, the built-in blueprints only.
     */
    @Parameter(property = PluginProperties.BLUEPRINTS)
    private File blueprints;

    /**
     * A comma list of environments to run on, e.g. {@code prod} or {@code dev,staging}: the
     * others' overlays and Argo CD folders are neither written nor removed; the bases and the
     * AppProject always are. An unknown name is an error that lists the known ones.
     * <p>Property: {@value PluginProperties#ENVIRONMENTS}. Default: every environment.
     */
    @Parameter(property = PluginProperties.ENVIRONMENTS)
    private String environments;

    /**
     * A comma list of namespaces of the platform that no environment may deploy to (its
     * controllers', other teams'), beside the reserved {@code argocd}, {@code default} and
     * {@code kube-*}, which are always refused.
     * <p>Property: {@value PluginProperties#DENIED_NAMESPACES}. Default: none.
     */
    @Parameter(property = PluginProperties.DENIED_NAMESPACES)
    private String deniedNamespaces;

    /**
     * Skip this goal.
     * <p>Property: {@value PluginProperties#SKIP}. Default: {@code false}.
     */
    @Parameter(property = PluginProperties.SKIP, defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /** The project's folder, or without a pom the folder Maven was started in. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    /**
     * The least severity that fails the build: {@code error}, or {@code warning} to fail on
     * warnings too (a failing generate writes nothing).
     * <p>Property: {@value PluginProperties#FAIL_ON}. Default: {@code error}.
     */
    @Parameter(property = PluginProperties.FAIL_ON, defaultValue = "error")
    private String failOn;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mlgitops: skipped (" + PluginProperties.SKIP + "=true)");
            return;
        }
        // info lines, progress included, are what 'mvn -q' hides; errors still show
        GenerateOptions options = GenerateOptions.defaults().withProgress(getLog()::info).withFailOn(failOn())
                .withEnvironments(environments == null ? List.of() : List.of(environments.split(",")))
                .withDeniedNamespaces(deniedNamespaces == null ? List.of() : List.of(deniedNamespaces.split(",")));
        if (blueprints != null) {
            options = options.withBlueprints(existingBlueprints());
        }
        try {
            run(existingSpec(), options);
        } catch (MlGitopsException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal's one call into the generator; report its findings with {@link #report}. */
    protected abstract void run(Path spec, GenerateOptions options) throws MojoFailureException, MojoExecutionException;

    /**
     * Logs every finding in the one-line format and fails the build on errors with a one-line
     * summary; the lines above it already say what and where, so no stack trace is wanted.
     */
    protected final void report(String sourceFile, Findings findings) throws MojoFailureException {
        for (Finding finding : findings.sorted()) {
            if (finding.isError()) {
                getLog().error(finding.format(sourceFile));
            } else {
                getLog().warn(finding.format(sourceFile));
            }
        }
        if (findings.hasErrors()) {
            throw new MojoFailureException(sourceFile + " has " + count(findings.errorCount(), "error")
                    + "; see the lines above");
        }
        if (findings.reach(failOn())) {
            throw new MojoFailureException(sourceFile + " has " + count(findings.warningCount(), "warning")
                    + " and " + PluginProperties.FAIL_ON + " is warning; see the lines above");
        }
        if (findings.warningCount() > 0) {
            getLog().warn(sourceFile + " has " + count(findings.warningCount(), "warning"));
        }
    }

    /**
     * The build folder: {@code ${project.build.directory}}, or without a pom {@code ./target}.
     * Computed here, not in an annotation: without a pom Maven runs a standalone super-pom whose
     * build directory stays "${project.basedir}/target" verbatim.
     */
    protected final Path buildDirectory() {
        Path directory = project != null && project.getFile() != null
                ? Path.of(project.getBuild().getDirectory())
                : basedir.toPath().resolve("target");
        return directory.toAbsolutePath().normalize();
    }

    /** Where reports go, {@code <build directory>/mlgitops}: never the GitOps tree's folder. */
    protected final Path reportDirectory() {
        return buildDirectory().resolve("mlgitops");
    }

    protected final Path basedir() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /**
     * Writes the findings as findings.sarif, findings-junit.xml and findings.json into
     * {@link #reportDirectory()}, the spec named relative to the base folder (as code scanning
     * resolves it against the repository).
     */
    protected final void writeFindingReports(Path spec, Findings findings) {
        Path relative = spec.startsWith(basedir()) ? basedir().relativize(spec) : spec.getFileName();
        MlGitops.reports(relative.toString().replace('\\', '/'), findings).writeTo(reportDirectory());
        getLog().info("mlgitops: findings written to " + reportDirectory().resolve("findings.sarif"));
    }

    private Severity failOn() throws MojoFailureException {
        String value = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new MojoFailureException("-D" + PluginProperties.FAIL_ON + "=" + failOn
                    + " is not a severity: use error or warning");
        };
    }

    private Path existingSpec() throws MojoFailureException {
        Path file = spec.toPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("No spec file at " + file + ": create one there (start from"
                    + " example-repo/mlproject.yaml of mlgitops) or point -D" + PluginProperties.SPEC
                    + "=<file> at yours");
        }
        return file;
    }

    private Path existingBlueprints() throws MojoFailureException {
        Path folder = blueprints.toPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new MojoFailureException("The blueprints folder " + folder + " does not exist: create it"
                    + " or drop -D" + PluginProperties.BLUEPRINTS + " to use the built-in blueprints");
        }
        return folder;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
