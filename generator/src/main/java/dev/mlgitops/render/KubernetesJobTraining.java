package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;

/**
 * Training engine {@code kubernetes-job}: per pipeline a CronJob (a Job when it has no schedule)
 * whose pod runs the steps in dependency order; the blueprint says how.
 */
final class KubernetesJobTraining implements Engine {

    @Override
    public Stage stage() {
        return Stage.TRAINING;
    }

    @Override
    public String name() {
        return "kubernetes-job";
    }

    @Override
    public String folder() {
        return "training/kubernetes-job";
    }

    @Override
    public List<String> templates() {
        return List.of("job.yaml.ftl");
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
