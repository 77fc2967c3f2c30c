package dev.mlgitops.maven;

import java.io.File;
import java.util.List;

import dev.mlgitops.InitOptions;
import dev.mlgitops.Initialization;
import dev.mlgitops.MlGitops;
import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Finding;
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
     * <p>Property: {@value PluginProperties#NAME}. Default: <code>my-project</code>.
     */
    @Parameter(property = PluginProperties.NAME, defaultValue = "my-project")
    private String name;

    /**
     * The owning team, {@code metadata.team}: a DNS-1035 label.
     * <p>Property: {@value PluginProperties#TEAM}. Default: <code>my-team</code>.
     */
    @Parameter(property = PluginProperties.TEAM, defaultValue = "my-team")
    private String team;

    /**
     * A comma list of the stages besides tenancy (always there): feature-store, notebooks,
     * training, model-registry, serving, monitoring.
     * <p>Property: {@value PluginProperties#STAGES}. Default: <code>training,model-registry,serving</code>.
     */
    @Parameter(property = PluginProperties.STAGES, defaultValue = "training,model-registry,serving")
    private String stages;

    /**
     * Overwrite an existing mlproject.yaml.
     * <p>Property: {@value PluginProperties#FORCE}. Default: {@code false}.
     */
    @Parameter(property = PluginProperties.FORCE, defaultValue = "false")
    private boolean force;

    /** The project's folder, or without a pom the folder Maven was started in. */
    @Parameter(defaultValue = "${basedir}", readonly = true)
    private File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        InitOptions options = InitOptions.defaults().withName(name).withTeam(team)
                .withStages(List.of(stages.split(","))).withForce(force);
        Initialization init;
        try {
            init = MlGitops.init(basedir.toPath(), options);
        } catch (MlGitopsException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        for (Finding finding : init.findings().sorted()) {
            getLog().error(finding.format("mlproject.yaml"));
        }
        if (!init.passed()) {
            throw new MojoFailureException("mlgitops init wrote nothing; see the lines above");
        }
        getLog().info("mlgitops: wrote " + init.spec() + " (schema for editors: " + init.schema() + ")");
        getLog().info("mlgitops: next, fill in spec.gitops.repoURL and the images, then run mlgitops:validate");
    }
}
