package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;

/**
 * Training engine {@code argo-workflows}: per pipeline a WorkflowTemplate whose DAG follows
 * {@code dependsOn}, and a CronWorkflow that runs it where a schedule is set.
 */
final class ArgoWorkflowsTraining implements Engine {

    @Override
    public Stage stage() {
        return Stage.TRAINING;
    }

    @Override
    public String name() {
        return "argo-workflows";
    }

    @Override
    public String folder() {
        return "training/argo-workflows";
    }

    @Override
    public List<String> templates() {
        return List.of("workflowtemplate.yaml.ftl", "cronworkflow.yaml.ftl");
    }

    @Override
    public List<ItemModel> models(Project project, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        Pipelines.of(project, name()).forEach((pipeline, job) -> models.add(new ItemModel(Pipelines.source(pipeline),
                Map.of("pipeline", Pipelines.view(project, pipeline, job)))));
        return models;
    }

    @Override
    public TenancyNeeds needs(Project project) {
        return Pipelines.needs(project, name());
    }
}
