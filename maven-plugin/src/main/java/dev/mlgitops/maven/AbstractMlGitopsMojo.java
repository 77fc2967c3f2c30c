package dev.mlgitops.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mlgitops.ApplicationsIn;
import dev.mlgitops.FailOn;
import dev.mlgitops.FindingLine;
import dev.mlgitops.MlGitopsException;
import dev.mlgitops.Options;
import dev.mlgitops.Result;
import dev.mlgitops.SpecCommand;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every mlgitops goal over a spec shares: the spec, the blueprints, skipping, and turning a
 * result's findings into Maven's log and build result. A subclass makes one porcelain call in
 * {@link #run}; it maps options and prints results, nothing more.
 */
abstract class AbstractMlGitopsMojo extends AbstractMojo {

    /**
     * The mlproject.yaml to read.
     * <p>Property: "mlgitops.spec". Default: <code>${basedir}/mlproject.yaml</code>.
     */
    @Parameter(property = Options.SPEC, defaultValue = "${basedir}/" + Options.SPEC_DEFAULT)
    private File spec;

    /**
     * A folder of Freemarker templates that replace the built-in blueprints of the same
     * relative path (e.g. {@code serving/kserve/inferenceservice.yaml.ftl}); the others stay.
     * <p>Property: "mlgitops.blueprints". Default: none, the built-in blueprints only.
     */
    @Parameter(property = Options.BLUEPRINTS)
    private File blueprints;

    /**
     * A comma list of environments to run on, e.g. {@code prod} or {@code dev,staging}: the
     * others' overlays and Argo CD folders are neither written nor removed; the bases and the
     * AppProject always are. An unknown name is an error that lists the known ones.
     * <p>Property: "mlgitops.environments". Default: every environment.
     */
    @Parameter(property = Options.ENVIRONMENTS)
    private String environments;

    /**
     * A comma list of namespaces of the platform that no environment may deploy to (its
     * controllers', other teams'), beside the reserved {@code argocd}, {@code default} and
     * {@code kube-*}, which are always refused.
     * <p>Property: "mlgitops.deniedNamespaces". Default: none.
     */
    @Parameter(property = Options.DENIED_NAMESPACES)
    private String deniedNamespaces;

    /**
     * Skip this goal.
     * <p>Property: "mlgitops.skip". Default: {@code false}.
     */
    @Parameter(property = Options.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * Where the Argo CD Applications live: {@code team-namespaces}, each environment's in its own
     * namespace, which Argo CD holds to this project (needs Argo CD 3.2+ with applications in any
     * namespace), or {@code argocd-namespace}, where an Application may name any project. See docs/trust-model.md.
     * <p>Property: "mlgitops.applicationsIn". Default: {@code team-namespaces}.
     */
    @Parameter(property = Options.APPLICATIONS_IN, defaultValue = Options.APPLICATIONS_IN_DEFAULT)
    private String applicationsIn;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /** The project's folder, or without a pom the folder Maven was started in. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    /**
     * The least severity that fails the build: {@code error}, or {@code warning} to fail on
     * warnings too (a failing generate writes nothing).
     * <p>Property: "mlgitops.failOn". Default: {@code error}.
     */
    @Parameter(property = Options.FAIL_ON, defaultValue = Options.FAIL_ON_DEFAULT)
    private String failOn;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("mlgitops: skipped (" + Options.SKIP + "=true)");
            return;
        }
        failOn(); // a wrong value is named before anything else
        applicationsIn();
        Path file = existingSpec();
        try {
            run(file);
        } catch (MlGitopsException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // a parameter the porcelain refuses (a branch git would refuse, say): the user's mistake
            throw new MojoFailureException("mlgitops: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            // a failure of the environment, not of the spec; the stack trace would say nothing more
            throw new MojoExecutionException("mlgitops ran out of memory (" + e.getMessage() + ", at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap): the spec needs more than Maven's JVM has;"
                    + " give it more, e.g. MAVEN_OPTS=-Xmx2g, or split the project into smaller specs");
        }
    }

    /** The goal's one porcelain call; report its result with {@link #report}. */
    protected abstract void run(Path spec) throws MojoFailureException, MojoExecutionException;

    /** The options every goal over a spec maps onto its command. */
    protected final <C extends SpecCommand<C, R>, R extends Result> C configure(C command) throws MojoFailureException {
        // info lines, progress included, are what 'mvn -q' hides; errors still show
        command.setProgress(getLog()::info).setFailOn(failOn()).setApplicationsIn(applicationsIn())
                .setEnvironments(environments == null ? List.of() : List.of(environments.split(",")))
                .setDeniedNamespaces(deniedNamespaces == null ? List.of() : List.of(deniedNamespaces.split(",")));
        if (blueprints != null) {
            command.setBlueprints(existingBlueprints());
        }
        return command;
    }

    /**
     * Logs every finding in the one-line format and fails the build when they stopped the run,
     * with a one-line summary; the lines above it already say what and where, so no stack trace is wanted.
     */
    protected final void report(Result result) throws MojoFailureException {
        for (FindingLine finding : result.findings()) {
            if (finding.error()) {
                getLog().error(finding.text());
            } else {
                getLog().warn(finding.text());
            }
        }
        if (result.errorCount() > 0) {
            throw new MojoFailureException(result.errorSummary() + "; see the lines above");
        }
        if (result.stoppedByFindings()) {
            throw new MojoFailureException(result.warningSummary() + " and " + Options.FAIL_ON + " is warning; see the lines above");
        }
        if (result.warningCount() > 0) {
            getLog().warn(result.warningSummary());
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
    protected final void writeFindingReports(Path spec, Result result) {
        Path relative = spec.startsWith(basedir()) ? basedir().relativize(spec) : spec.getFileName();
        result.writeFindingReports(reportDirectory(), relative.toString().replace('\\', '/'));
        getLog().info("mlgitops: findings written to " + reportDirectory().resolve("findings.sarif"));
    }

    private FailOn failOn() throws MojoFailureException {
        String value = failOn == null ? Options.FAIL_ON_DEFAULT : failOn;
        return FailOn.parse(value).orElseThrow(() -> new MojoFailureException(FailOn.refusal("-D" + Options.FAIL_ON + "=" + failOn)));
    }

    private ApplicationsIn applicationsIn() throws MojoFailureException {
        String value = applicationsIn == null ? Options.APPLICATIONS_IN_DEFAULT : applicationsIn;
        return ApplicationsIn.parse(value).orElseThrow(() -> new MojoFailureException(
                ApplicationsIn.refusal("-D" + Options.APPLICATIONS_IN + "=" + applicationsIn)));
    }

    private Path existingSpec() throws MojoFailureException {
        Path file = spec.toPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("No spec file at " + file + ": create one there (start from"
                    + " example-repo/mlproject.yaml of mlgitops) or point -D" + Options.SPEC
                    + "=<file> at yours");
        }
        return file;
    }

    private Path existingBlueprints() throws MojoFailureException {
        Path folder = blueprints.toPath().toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new MojoFailureException("The blueprints folder " + folder + " does not exist: create it"
                    + " or drop -D" + Options.BLUEPRINTS + " to use the built-in blueprints");
        }
        return folder;
    }
}
