package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/** Training engine {@code pytorchjob}: per pipeline a PyTorchJob (kubeflow.org/v1), a master plus {@code workers}. */
final class PyTorchJobTraining implements Engine {

    @Override
    public Stage stage() {
        return Stage.TRAINING;
    }

    @Override
    public String name() {
        return "pytorchjob";
    }

    @Override
    public String folder() {
        return "training/pytorchjob";
    }

    @Override
    public List<String> templates() {
        return List.of("pytorchjob.yaml.ftl");
    }

    @Override
    public List<ItemModel> models(Project project, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        Pipelines.of(project, name()).forEach((pipeline, job) -> {
            if (job.registerModel() != null) {
                // the workers have no last step to hang the registration on; say so rather than drop it
                findings.add(project.environment().locator().finding(Code.RENDER_UNSUPPORTED,
                        Pipelines.source(pipeline) + "/registerModel",
                        Code.RENDER_UNSUPPORTED.message("registerModel of pytorchjob pipeline '" + pipeline + "'")));
            }
            models.add(new ItemModel(Pipelines.source(pipeline), Map.of("pipeline", view(project, pipeline, job))));
        });
        return models;
    }

    /**
     * The training ServiceAccount; the ranks of one job to each other on every port (the rendezvous
     * port, then NCCL's and Gloo's ephemeral ones), and nothing else in on any port; MLflow and the
     * feature server, whose addresses every rank is given.
     */
    @Override
    public TenancyNeeds needs(Project project) {
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        Pipelines.of(project, name()).keySet().forEach(pipeline -> allows.add(new TenancyNeeds.Allow(
                project.objectName(pipeline + "-allow-ranks"), project.objectName(pipeline), List.of(),
                List.of(Project.selector(project.objectName(pipeline))), false, List.of())));
        if (!allows.isEmpty()) {
            project.featureServerAccess(Stage.TRAINING).ifPresent(allows::add);
            project.mlflowAccess(Stage.TRAINING).ifPresent(allows::add);
        }
        // workers read data and write checkpoints in stores outside the namespace
        return allows.isEmpty() ? TenancyNeeds.NONE : new TenancyNeeds(List.of(Pipelines.WORKLOAD), allows,
                List.of(), List.of(project.storeEgress(Stage.TRAINING, Project.HTTPS_PORT)));
    }

    private static DistributedView view(Project project, String pipeline, Spec.TrainingJob job) {
        String name = project.objectName(pipeline);
        Pipelines.StepView step = Pipelines.step(project, "pytorch", job.image(), job.command(), List.of(), Map.of(),
                job.resources());
        return new DistributedView(name, project.labels(Stage.TRAINING, name), project.podLabels(Stage.TRAINING, name),
                project.objectName(Pipelines.WORKLOAD), job.secrets().stream().map(project::objectName).toList(), step,
                job.workers() == null ? 0 : job.workers());
    }

    /** One distributed job: the container every replica runs, and how many workers beside the master. */
    public record DistributedView(String name, Map<String, String> labels, Map<String, String> podLabels,
                                  String serviceAccount, List<String> secrets, Pipelines.StepView step, int workers) {}
}
