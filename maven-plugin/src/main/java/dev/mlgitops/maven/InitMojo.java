package dev.mlgitops.maven;

import java.io.File;

import dev.mlgitops.FindingLine;
import dev.mlgitops.InitResult;
import dev.mlgitops.MlGitops;
import dev.mlgitops.MlGitopsException;
import dev.mlgitops.Options;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes a starter mlproject.yaml for a new project into the current folder: the chosen stages
 * with sensible values and a comment on each field, and a first line that points YAML editors at
 * a copy of the schema written beside it ({@code .mlgitops/mlproject-v1alpha1.schema.json}).
 * Runs without a pom: {@code mvn dev.mlgitops:mlgitops-maven-plugin:init -Dmlgitops.name=churn}.
 * Refuses to overwrite an existing mlproject.yaml unless {@code -Dmlgitops.force}.
 */
@Mojo(name = "init", requiresProject = false, threadSafe = true)
public class InitMojo extends AbstractMojo {

    /**
     * The project's name, {@code metadata.name}: a DNS-1035 label of at most 40 characters.
     * <p>Property: "mlgitops.name". Default: <code>my-project</code>.
     */
    @Parameter(property = Options.NAME, defaultValue = Options.NAME_DEFAULT)
    private String name;

    /**
     * The owning team, {@code metadata.team}: a DNS-1035 label.
     * <p>Property: "mlgitops.team". Default: <code>my-team</code>.
     */
    @Parameter(property = Options.TEAM, defaultValue = Options.TEAM_DEFAULT)
    private String team;

    /**
     * A comma list of the stages besides tenancy (always there): feature-store, notebooks,
     * training, model-registry, serving, monitoring.
     * <p>Property: "mlgitops.stages". Default: <code>training,model-registry,serving</code>.
     */
    @Parameter(property = Options.STAGES, defaultValue = Options.STAGES_DEFAULT)
    private String stages;

    /**
     * Overwrite an existing mlproject.yaml.
     * <p>Property: "mlgitops.force". Default: {@code false}.
     */
    @Parameter(property = Options.FORCE, defaultValue = Options.FORCE_DEFAULT)
    private boolean force;

    /** The project's folder, or without a pom the folder Maven was started in. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        InitResult init;
        try {
            init = MlGitops.init(basedir.toPath()).setName(name).setTeam(team).setStages(stages).setForce(force).call();
        } catch (MlGitopsException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (FindingLine finding : init.findings()) {
            getLog().error(finding.text());
        }
        if (!init.passed()) {
            throw new MojoFailureException("mlgitops init wrote nothing; see the lines above");
        }
        getLog().info("mlgitops: wrote " + init.spec() + " (schema for editors: " + init.schema() + ")");
        getLog().info("mlgitops: next, fill in spec.gitops.repoURL and the images, then run mlgitops:validate");
    }
}
