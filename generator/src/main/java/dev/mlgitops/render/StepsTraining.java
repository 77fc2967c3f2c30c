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

    private StepsTraining(String name, List<String> templates) {
        this.name = name;
        this.templates = List.copyOf(templates);
    }

    static StepsTraining argoWorkflows() {
        return new StepsTraining("argo-workflows", List.of("workflowtemplate.yaml.ftl", "cronworkflow.yaml.ftl"));
    }

    static StepsTraining kubernetesJob() {
        return new StepsTraining("kubernetes-job", List.of("job.yaml.ftl"));
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
        return Pipelines.of(project, name).isEmpty() ? TenancyNeeds.NONE
                : new TenancyNeeds(List.of(Pipelines.WORKLOAD), List.of());
    }
}
