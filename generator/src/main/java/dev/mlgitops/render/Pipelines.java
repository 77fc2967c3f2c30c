package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.DeploymentServing.EnvView;

/**
 * What the three training engines share: the pipelines of one engine, and a pipeline's steps as
 * containers (image, command, env, resources) in dependency order, with the model registration
 * step where the spec asks for one.
 */
final class Pipelines {

    /** The workload kind, and so the ServiceAccount {@code <project>-training}. */
    static final String WORKLOAD = "training";
    /** What a step gets when the spec leaves resources out. */
    static final Spec.Resources DEFAULT_RESOURCES = new Spec.Resources("1", "2Gi", null);
    /** Names the run to register; argo-workflows sets it to the workflow's name, a Job to its own. */
    static final String RUN_ENV = "MLGITOPS_RUN";
    static final String REGISTER_STEP = "register-model";

    private Pipelines() {
    }

    /** The pipelines of {@code engine}, in file order. */
    static Map<String, Spec.TrainingJob> of(RenderContext context, String engine) {
        return ByEngine.of(context.spec().training(), Spec.TrainingJob::engine, engine);
    }

    static String source(String pipeline) {
        return "/training/" + Locator.escape(pipeline);
    }

    /** The pipeline with its steps in dependency order, the registration step last. */
    static PipelineView view(RenderContext context, String pipeline, Spec.TrainingJob job) {
        String name = context.objectName(pipeline);
        List<String> secrets = job.secrets().stream().map(context::objectName).toList();
        List<StepView> steps = new ArrayList<>();
        for (String step : order(job.steps())) {
            Spec.Step definition = job.steps().get(step);
            steps.add(step(context, step, definition.image(), definition.command(), definition.dependsOn(),
                    definition.env(), definition.resources()));
        }
        RegisterView register = null;
        if (job.registerModel() != null && !steps.isEmpty()) {
            String stepName = job.steps().containsKey(REGISTER_STEP) ? "mlgitops-" + REGISTER_STEP : REGISTER_STEP;
            // the last step's image runs the training code, so it has the mlflow client
            StepView last = steps.get(steps.size() - 1);
            register = new RegisterView(stepName, last.image(), job.registerModel(), leaves(job.steps()),
                    Addresses.env(context));
        }
        boolean gpu = steps.stream().anyMatch(s -> s.gpu() != null);
        return new PipelineView(name, context.labels(Stage.TRAINING, name), context.podLabels(Stage.TRAINING, name),
                context.objectName(WORKLOAD), job.schedule(), secrets, steps, register, gpu);
    }

    /** One container of a pipeline: the addresses of the other stages first, then the step's own env. */
    static StepView step(RenderContext context, String name, String imageKey, List<String> command, List<String> dependsOn,
                         Map<String, String> ownEnv, Spec.Resources resources) {
        List<EnvView> env = new ArrayList<>(Addresses.env(context));
        ownEnv.forEach((key, value) -> {
            env.removeIf(e -> e.name().equals(key));
            env.add(new EnvView(key, value, null, null));
        });
        Spec.Resources r = resources == null ? DEFAULT_RESOURCES : resources;
        return new StepView(name, context.environment().image(imageKey), command, dependsOn, env,
                r.cpu() == null ? DEFAULT_RESOURCES.cpu() : r.cpu(),
                r.memory() == null ? DEFAULT_RESOURCES.memory() : r.memory(), r.gpu());
    }

    /**
     * Kahn's topological order; among steps ready at once, file order wins, so the output is
     * stable. Steps in a cycle (the meaning check reports those) come last in file order.
     */
    static List<String> order(Map<String, Spec.Step> steps) {
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && done.size() < steps.size()) {
            progress = false;
            for (Map.Entry<String, Spec.Step> step : steps.entrySet()) {
                if (!done.contains(step.getKey()) && done.containsAll(known(step.getValue().dependsOn(), steps))) {
                    done.add(step.getKey());
                    progress = true;
                    break;
                }
            }
        }
        done.addAll(steps.keySet());
        return List.copyOf(done);
    }

    private static List<String> known(List<String> dependsOn, Map<String, Spec.Step> steps) {
        return dependsOn.stream().filter(steps::containsKey).toList();
    }

    /** The steps no other step depends on, in file order: the registration waits for all of them. */
    static List<String> leaves(Map<String, Spec.Step> steps) {
        Set<String> needed = new LinkedHashSet<>();
        steps.values().forEach(s -> needed.addAll(s.dependsOn()));
        return steps.keySet().stream().filter(s -> !needed.contains(s)).toList();
    }

    /**
     * One pipeline as the templates see it. Nullable: {@code schedule} (run on demand),
     * {@code register} (no registerModel).
     *
     * @param secrets the Secrets whose keys every step gets as env vars
     * @param gpu whether any step asks for GPUs (its pods then tolerate the GPU taint)
     */
    public record PipelineView(String name, Map<String, String> labels, Map<String, String> podLabels,
                               String serviceAccount, String schedule, List<String> secrets, List<StepView> steps,
                               RegisterView register, boolean gpu) {}

    /** One step's container; {@code gpu} is null without GPUs. */
    public record StepView(String name, String image, List<String> command, List<String> dependsOn,
                           List<EnvView> env, String cpu, String memory, String gpu) {}

    /**
     * The final step that registers the run's model in MLflow.
     *
     * @param after the steps it waits for (every leaf of the DAG)
     * @param env the addresses of the other stages (MLFLOW_TRACKING_URI among them)
     */
    public record RegisterView(String name, String image, String model, List<String> after, List<EnvView> env) {

        /**
         * The registration, in Python with the mlflow client the training image has. The contract
         * with the training code (documented in the blueprints): the run that trained the model
         * carries the tag {@code mlgitops.run} with the value of env {@code MLGITOPS_RUN}, and
         * logs the model under the artifact path {@code model}. The newest such run is registered.
         */
        public String script() {
            return String.join("\n",
                    "import os, sys",
                    "import mlflow",
                    "from mlflow.tracking import MlflowClient",
                    "client = MlflowClient()",
                    "run = os.environ['" + RUN_ENV + "']",
                    "experiments = [e.experiment_id for e in client.search_experiments()]",
                    "runs = client.search_runs(experiments, filter_string=f\"tags.`mlgitops.run` = '{run}'\",",
                    "                          order_by=['attributes.start_time DESC'], max_results=1)",
                    "if not runs:",
                    "    sys.exit(f'no MLflow run is tagged mlgitops.run={run}: tag the training run with env "
                            + RUN_ENV + "')",
                    "version = mlflow.register_model(f'runs:/{runs[0].info.run_id}/model', os.environ['MLGITOPS_MODEL'])",
                    "print(f'registered {version.name} version {version.version} from run {runs[0].info.run_id}')",
                    "");
        }
    }
}
