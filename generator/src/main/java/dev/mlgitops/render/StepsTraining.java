package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;

/**
 * The training engines that run a pipeline's steps, which differ only in their blueprints:
 * {@code argo-workflows} (a WorkflowTemplate whose DAG follows {@code dependsOn}, and a
 * CronWorkflow that runs it where a schedule is set) and {@code kubernetes-job} (a CronJob, or a
 * Job without schedule, whose pod runs the steps in dependency order).
 */
final class StepsTraining implements Engine {

    private final String name;
    private final List<String> templates;
    private final boolean reportsTaskResults;

    private StepsTraining(String name, List<String> templates, boolean reportsTaskResults) {
        this.name = name;
        this.templates = List.copyOf(templates);
        this.reportsTaskResults = reportsTaskResults;
    }

    /** Argo's executor (since v3.4) reports each step's outcome as a WorkflowTaskResult, with the pod's ServiceAccount. */
    static StepsTraining argoWorkflows() {
        return new StepsTraining("argo-workflows", List.of("workflowtemplate.yaml.ftl", "cronworkflow.yaml.ftl"), true);
    }

    static StepsTraining kubernetesJob() {
        return new StepsTraining("kubernetes-job", List.of("job.yaml.ftl"), false);
    }

    @Override
    public Stage stage() {
        return Stage.TRAINING;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String folder() {
        return "training/" + name;
    }

    @Override
    public List<String> templates() {
        return templates;
    }

    @Override
    public List<ItemModel> models(Project project, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        Pipelines.of(project, name).forEach((pipeline, job) -> models.add(new ItemModel(Pipelines.source(pipeline),
                Map.of("pipeline", Pipelines.view(project, pipeline, job)))));
        return models;
    }

    @Override
    public TenancyNeeds needs(Project project) {
        if (Pipelines.of(project, name).isEmpty()) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Grant> grants = !reportsTaskResults ? List.of() : List.of(new TenancyNeeds.Grant(
                project.objectName("workflow-executor"), Pipelines.WORKLOAD, "argoproj.io",
                List.of("workflowtaskresults"), List.of("create", "patch")));
        // steps log to MLflow and read features through the addresses they are given
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        project.featureServerAccess(Stage.TRAINING).ifPresent(allows::add);
        project.mlflowAccess(Stage.TRAINING).ifPresent(allows::add);
        // steps read data and write artifacts in stores outside the namespace (buckets, databases)
        return new TenancyNeeds(List.of(Pipelines.WORKLOAD), allows, grants,
                List.of(project.storeEgress(Stage.TRAINING, Project.HTTPS_PORT)));
    }
}
