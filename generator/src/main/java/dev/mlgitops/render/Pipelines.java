package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.RunInputs;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.TrainingFields;
import dev.mlgitops.model.TrainingFields.Steps.Step;
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
    /** The registered model's name, for the registration script. */
    static final String MODEL_ENV = "MLGITOPS_MODEL";

    private Pipelines() {
    }

    /** The pipelines of {@code engine}, in file order. */
    static Map<String, Spec.TrainingJob> of(RenderContext context, String engine) {
        return ByEngine.of(context.spec().training(), Spec.TrainingJob::engine, engine);
    }

    static String source(String pipeline) {
        return "/training/" + Locator.escape(pipeline);
    }

    /**
     * The pipeline with its steps in dependency order, the registration step last.
     *
     * @param parameters whether the datasets reach the steps as workflow parameters (argo-workflows)
     */
    static PipelineView view(RenderContext context, String pipeline, Spec.TrainingJob job, boolean parameters) {
        String name = context.objectName(pipeline);
        List<String> secrets = job.secrets().stream().map(context::objectName).toList();
        InputsView inputs = inputs(context, pipeline, job, parameters);
        Map<String, Step> definitions = job.own(TrainingFields.Steps.class).steps();
        List<StepView> steps = new ArrayList<>();
        for (String step : order(definitions)) {
            Step definition = definitions.get(step);
            steps.add(step(context, step, definition.image(), definition.command(), definition.dependsOn(),
                    definition.env(), definition.resources(), inputs.env(pipeline, step, true)));
        }
        RegisterView register = null;
        if (job.registerModel() != null && !steps.isEmpty()) {
            String stepName = definitions.containsKey(REGISTER_STEP) ? "mlgitops-" + REGISTER_STEP : REGISTER_STEP;
            // the last step's image runs the training code, so it has the mlflow client
            register = register(context, pipeline, job.registerModel(), inputs, stepName, steps.get(steps.size() - 1).image(),
                    leaves(definitions));
        }
        boolean gpu = steps.stream().anyMatch(s -> s.gpu() != null);
        return new PipelineView(name, context.labels(Stage.TRAINING, name), context.podLabels(Stage.TRAINING, name),
                context.objectName(WORKLOAD), job.schedule(), secrets, inputs, steps, register, gpu);
    }

    /**
     * The registration step of a pipeline: it runs {@code image} (the training code's, which has the
     * mlflow client) after the steps {@code after}, with the pipeline's inputs, then the model's name,
     * alias and gate ({@link #registration}), and the other stages' addresses (MLFLOW_TRACKING_URI).
     */
    static RegisterView register(RenderContext context, String pipeline, Spec.RegisterModel registerModel, InputsView inputs,
                                 String stepName, String image, List<String> after) {
        List<InputEnv> env = new ArrayList<>(inputs.env(pipeline, stepName, true));
        env.addAll(registration(registerModel));
        return new RegisterView(stepName, image, registerModel.name(), after, env, Addresses.env(context));
    }

    /** The pipeline's inputs: its ConfigMap (the release id, then each dataset it reads), and how steps see them. */
    static InputsView inputs(RenderContext context, String pipeline, Spec.TrainingJob job, boolean parameters) {
        String name = context.objectName(RunInputs.configMap(pipeline));
        Map<String, String> data = new LinkedHashMap<>();
        data.put(RunInputs.RELEASE, RunInputs.UNRELEASED);
        List<DatasetView> datasets = new ArrayList<>();
        for (String dataset : job.datasets()) {
            Spec.Dataset definition = context.spec().datasets().get(dataset);
            if (definition == null) {
                continue; // the resolver reported the unknown name
            }
            List<String> fields = new ArrayList<>(List.of(RunInputs.URI, RunInputs.VERSION));
            data.put(RunInputs.key(dataset, RunInputs.URI), definition.uri());
            data.put(RunInputs.key(dataset, RunInputs.VERSION), definition.version());
            if (definition.format() != null) {
                data.put(RunInputs.key(dataset, RunInputs.FORMAT), definition.format());
                fields.add(RunInputs.FORMAT);
            }
            datasets.add(new DatasetView(dataset, fields));
        }
        List<ParameterView> parameterViews = new ArrayList<>();
        if (parameters) {
            datasets.forEach(dataset -> dataset.fields().forEach(field -> parameterViews.add(
                    new ParameterView(parameter(dataset.name(), field), RunInputs.key(dataset.name(), field)))));
        }
        return new InputsView(name, context.labels(Stage.TRAINING, context.objectName(pipeline)), data, datasets,
                parameterViews);
    }

    /**
     * The ports the training pods reach stores on: HTTPS (buckets, registries of artifacts), and the
     * port of each dataset any pipeline reads (its URI's, or its scheme's usual one), ascending. The
     * same for every training engine, so their egress rules are one.
     */
    static Integer[] storePorts(RenderContext context) {
        SortedSet<Integer> ports = new TreeSet<>(List.of(RenderContext.HTTPS_PORT));
        context.spec().training().values().forEach(job -> job.datasets().forEach(name -> {
            Spec.Dataset dataset = context.spec().datasets().get(name);
            if (dataset != null) {
                RunInputs.storePort(dataset.uri()).ifPresent(ports::add);
            }
        }));
        return ports.toArray(Integer[]::new);
    }

    /** What the registration script reads: the model's name and alias, and the gate when there is one. */
    static List<InputEnv> registration(Spec.RegisterModel registerModel) {
        List<InputEnv> env = new ArrayList<>();
        env.add(new InputEnv(MODEL_ENV, registerModel.name(), null, null));
        env.add(new InputEnv("MLGITOPS_MODEL_ALIAS", registerModel.alias(), null, null));
        Spec.Gate gate = registerModel.gate();
        if (gate != null) {
            env.add(new InputEnv("MLGITOPS_GATE_METRIC", gate.metric(), null, null));
            if (gate.min() != null) {
                env.add(new InputEnv("MLGITOPS_GATE_MIN", gate.min().toPlainString(), null, null));
            }
            if (gate.max() != null) {
                env.add(new InputEnv("MLGITOPS_GATE_MAX", gate.max().toPlainString(), null, null));
            }
        }
        return env;
    }

    /** {@code dataset-<name>-<field>}: the workflow parameter of a dataset's field. */
    static String parameter(String dataset, String field) {
        return "dataset-" + dataset + "-" + field;
    }

    /**
     * One container of a pipeline: its inputs (release, datasets, the MLflow run context), the
     * addresses of the other stages, then the step's own env, which wins over both.
     */
    static StepView step(RenderContext context, String name, String imageKey, List<String> command, List<String> dependsOn,
                         Map<String, String> ownEnv, Spec.Resources resources, List<InputEnv> inputs) {
        List<EnvView> env = new ArrayList<>(Addresses.env(context));
        List<InputEnv> own = new ArrayList<>(inputs);
        ownEnv.forEach((key, value) -> {
            env.removeIf(e -> e.name().equals(key));
            own.removeIf(e -> e.name().equals(key));
            env.add(new EnvView(key, value, null, null));
        });
        Spec.Resources r = resources == null ? DEFAULT_RESOURCES : resources;
        return new StepView(name, context.environment().image(imageKey), command, dependsOn, own, env,
                r.cpu() == null ? DEFAULT_RESOURCES.cpu() : r.cpu(),
                r.memory() == null ? DEFAULT_RESOURCES.memory() : r.memory(), r.gpu());
    }

    /**
     * Kahn's topological order; among steps ready at once, file order wins, so the output is
     * stable. Steps in a cycle (the meaning check reports those) come last in file order.
     */
    static List<String> order(Map<String, Step> steps) {
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (progress && done.size() < steps.size()) {
            progress = false;
            for (Map.Entry<String, Step> step : steps.entrySet()) {
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

    private static List<String> known(List<String> dependsOn, Map<String, Step> steps) {
        return dependsOn.stream().filter(steps::containsKey).toList();
    }

    /** The steps no other step depends on, in file order: the registration waits for all of them. */
    static List<String> leaves(Map<String, Step> steps) {
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
                               String serviceAccount, String schedule, List<String> secrets, InputsView inputs,
                               List<StepView> steps, RegisterView register, boolean gpu) {}

    /**
     * One step's container; {@code gpu} is null without GPUs.
     *
     * @param inputs its env from the pipeline's inputs, before {@code env}
     */
    public record StepView(String name, String image, List<String> command, List<String> dependsOn,
                           List<InputEnv> inputs, List<EnvView> env, String cpu, String memory, String gpu) {}

    /**
     * A pipeline's inputs ConfigMap and what its steps read of it.
     *
     * @param data the ConfigMap's data: the release id (the overlay pins it), then each dataset's fields
     * @param parameters the workflow's parameters (argo-workflows), empty for the other engines
     */
    public record InputsView(String name, Map<String, String> labels, Map<String, String> data,
                             List<DatasetView> datasets, List<ParameterView> parameters) {

        /**
         * The env of one step (or a rank, or the registration): the release id, each dataset's
         * fields (from the ConfigMap, or from the workflow's parameters, which default to it), the
         * list of the datasets, and {@code MLFLOW_RUN_CONTEXT}: a JSON object of tags MLflow puts
         * on every run the step starts (mlflow.tracking.context.system_environment_context), its
         * values taken from the env vars before it ({@code $(VAR)}, expanded by the kubelet).
         *
         * @param run whether the container has {@value Pipelines#RUN_ENV} (the steps engines' containers)
         */
        public List<InputEnv> env(String pipeline, String step, boolean run) {
            List<InputEnv> env = new ArrayList<>();
            env.add(new InputEnv(RunInputs.RELEASE, null, name, RunInputs.RELEASE));
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("mlgitops.release", "$(" + RunInputs.RELEASE + ")");
            tags.put("mlgitops.pipeline", pipeline);
            tags.put("mlgitops.step", step);
            if (run) {
                tags.put("mlgitops.run", "$(" + RUN_ENV + ")");
            }
            for (DatasetView dataset : datasets) {
                for (String field : dataset.fields()) {
                    String key = RunInputs.key(dataset.name(), field);
                    env.add(parameters.isEmpty() ? new InputEnv(key, null, name, key)
                            : new InputEnv(key, "{{workflow.parameters." + parameter(dataset.name(), field) + "}}", null, null));
                    tags.put("mlgitops.dataset." + dataset.name() + "." + field, "$(" + key + ")");
                }
            }
            if (!datasets.isEmpty()) {
                String names = String.join(",", datasets.stream().map(DatasetView::name).toList());
                env.add(new InputEnv(RunInputs.DATASETS, names, null, null));
                tags.put("mlgitops.datasets", names);
            }
            env.add(new InputEnv(RUN_CONTEXT_ENV, json(tags), null, null));
            return env;
        }
    }

    /** A dataset a pipeline reads, and the fields it has ({@code uri}, {@code version}, and {@code format} when given). */
    public record DatasetView(String name, List<String> fields) {}

    /** A workflow parameter that defaults to a key of the pipeline's inputs ConfigMap. */
    public record ParameterView(String name, String key) {}

    /** An env var from the pipeline's inputs: a plain {@code value}, or the key {@code key} of the ConfigMap {@code configMap}. */
    public record InputEnv(String name, String value, String configMap, String key) {}

    /** MLflow's env var of a JSON object of tags for every run started in the process. */
    static final String RUN_CONTEXT_ENV = "MLFLOW_RUN_CONTEXT";

    /** A flat JSON object of strings, in the map's order. */
    static String json(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(", ");
            }
            json.append(quoted(key)).append(": ").append(quoted(value));
        });
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * The final step that registers the run's model in MLflow.
     *
     * @param after the steps it waits for (every leaf of the DAG)
     * @param inputs the pipeline's inputs, then the model's name and alias and the gate ({@link #registration})
     * @param env the addresses of the other stages (MLFLOW_TRACKING_URI among them)
     */
    public record RegisterView(String name, String image, String model, List<String> after, List<InputEnv> inputs,
                               List<EnvView> env) {

        /**
         * The registration, in Python with the mlflow client the training image has. The contract
         * with the training code (documented in docs/datasets.md and the blueprints): every MLflow
         * run of the pipeline run carries the tag {@code mlgitops.run} = env {@code MLGITOPS_RUN}
         * (MLFLOW_RUN_CONTEXT puts it there); the newest such run with an artifact folder
         * {@code model} holds the model; the newest such run that logged the gate's metric is the
         * evaluation. A gate that does not hold, or a model or metric not found, ends the step with
         * a message and a non-zero exit, so the run fails visibly; else the version is registered,
         * tagged with the release and the datasets, and given the alias.
         */
        public String script() {
            return String.join("\n",
                    "import os, sys",
                    "import mlflow",
                    "from mlflow.tracking import MlflowClient",
                    "client = MlflowClient()",
                    "run = os.environ['" + RUN_ENV + "']",
                    "name = os.environ['" + MODEL_ENV + "']",
                    "experiments = [e.experiment_id for e in client.search_experiments()]",
                    "runs = client.search_runs(experiments, filter_string=f\"tags.`mlgitops.run` = '{run}'\",",
                    "                          order_by=['attributes.start_time DESC'], max_results=200)",
                    "def logged_model(r):",
                    "    # MLflow 3: log_model(name=...) makes a LoggedModel, one of the run's outputs, not run artifacts",
                    "    outputs = getattr(client.get_run(r.info.run_id), 'outputs', None)",
                    "    for output in getattr(outputs, 'model_outputs', None) or []:",
                    "        return f'models:/{output.model_id}'",
                    "    # MLflow 2: the model's files at the run's artifact path model",
                    "    if client.list_artifacts(r.info.run_id, 'model'):",
                    "        return f'runs:/{r.info.run_id}/model'",
                    "    return None",
                    "trained, source = next(((r, s) for r, s in ((r, logged_model(r)) for r in runs) if s), (None, None))",
                    "if trained is None:",
                    "    sys.exit(f'no MLflow run tagged mlgitops.run={run} logged a model (MLflow 3: log_model(name=...);"
                            + " MLflow 2: the artifact path model): log it, tagged with env " + RUN_ENV
                            + " (MLFLOW_RUN_CONTEXT does)')",
                    "metric = os.environ.get('MLGITOPS_GATE_METRIC')",
                    "if metric:",
                    "    evaluated = next((r for r in runs if metric in r.data.metrics), None)",
                    "    if evaluated is None:",
                    "        sys.exit(f'gate failed: no MLflow run tagged mlgitops.run={run} logged the metric {metric}; "
                            + "the model is not registered')",
                    "    value = evaluated.data.metrics[metric]",
                    "    low, high = os.environ.get('MLGITOPS_GATE_MIN'), os.environ.get('MLGITOPS_GATE_MAX')",
                    "    if low is not None and not value >= float(low):",
                    "        sys.exit(f'gate failed: {metric} = {value} is below the minimum {low} (run {evaluated.info.run_id}); "
                            + "the model is not registered')",
                    "    if high is not None and not value <= float(high):",
                    "        sys.exit(f'gate failed: {metric} = {value} is above the maximum {high} (run {evaluated.info.run_id}); "
                            + "the model is not registered')",
                    "    print(f'gate passed: {metric} = {value} (run {evaluated.info.run_id})')",
                    "version = mlflow.register_model(source, name)",
                    "tags = {k: v for k, v in trained.data.tags.items() if k.startswith('mlgitops.dataset')}",
                    "tags['mlgitops.release'] = os.environ.get('MLGITOPS_RELEASE', '')",
                    "tags['mlgitops.run'] = run",
                    "for key, value in sorted(tags.items()):",
                    "    client.set_model_version_tag(name, version.version, key, value)",
                    "alias = os.environ['MLGITOPS_MODEL_ALIAS']",
                    "client.set_registered_model_alias(name, alias, version.version)",
                    "print(f'registered {name} version {version.version} from run {trained.info.run_id} as {alias}')",
                    "");
        }
    }
}
