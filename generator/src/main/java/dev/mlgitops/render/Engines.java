package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.model.Stage;

/**
 * The registry of engines: the one list the renderer, tenancy, monitoring and the production
 * serving rules read, and the schema's engine enums are tested against. Adding an engine is one
 * line in {@link #WORKLOADS} (see {@link Engine} for the rest).
 */
public final class Engines {

    /**
     * Every engine that renders a stage's workloads, in sync-wave order: the stores, then what
     * uses them, then serving, then monitoring. Within a stage, the order the spec's items are
     * rendered in.
     */
    private static final List<Engine> WORKLOADS = List.of(
            new FeastFeatureStore(),
            new MlflowRegistry(),
            StepsTraining.argoWorkflows(),
            StepsTraining.kubernetesJob(),
            new PyTorchJobTraining(),
            new Notebooks(),
            new KServeServing(),
            new DeploymentServing(),
            new VllmServing(),
            new PrometheusMonitoring());

    /**
     * The engine a stage gets when one has to be chosen for the user (the starter): the one that
     * needs no operator in the cluster. A stage with one engine has that one.
     */
    private static final Map<Stage, String> DEFAULTS = Map.of(
            Stage.TRAINING, "kubernetes-job",
            Stage.SERVING, "deployment");

    /** Tenancy first: it serves what every other engine asks of it. */
    private static final List<Engine> ALL = all(WORKLOADS);

    private Engines() {
    }

    private static List<Engine> all(List<Engine> workloads) {
        List<Engine> all = new ArrayList<>();
        all.add(new TenancyBlueprint(workloads));
        all.addAll(workloads);
        return List.copyOf(all);
    }

    /** Every engine, tenancy first, then in sync-wave order. */
    public static List<Engine> all() {
        return ALL;
    }

    /** Each stage's engines, in the registry's order: asked for every item of every environment. */
    private static final Map<Stage, List<Engine>> BY_STAGE = byStage(ALL);

    private static Map<Stage, List<Engine>> byStage(List<Engine> all) {
        Map<Stage, List<Engine>> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            byStage.put(stage, all.stream().filter(engine -> engine.stage() == stage).toList());
        }
        return byStage;
    }

    /** The engines of one stage, in the registry's order. */
    public static List<Engine> of(Stage stage) {
        return BY_STAGE.get(stage);
    }

    /** The engine of a stage by the name the spec writes. */
    public static Optional<Engine> named(Stage stage, String name) {
        return of(stage).stream().filter(engine -> engine.name().equals(name)).findFirst();
    }

    /** The serving engine by the name the spec writes ({@code engine: vllm}). */
    public static Optional<ServingEngine> serving(String name) {
        return named(Stage.SERVING, name).map(ServingEngine.class::cast);
    }

    /**
     * The engine whose blueprint folder holds {@code blueprint}, a template's path as the renderer
     * names it ({@code serving/kserve/inferenceservice.yaml.ftl}); empty for objects no engine renders.
     */
    public static Optional<Engine> emitting(String blueprint) {
        // the folder, then a slash, without a new string: asked for every object of every environment
        return ALL.stream().filter(engine -> blueprint.startsWith(engine.folder())
                && blueprint.startsWith("/", engine.folder().length())).findFirst();
    }

    /** The engine a stage gets when the user has not chosen one (see {@link #DEFAULTS}). */
    public static Engine defaultOf(Stage stage) {
        List<Engine> engines = of(stage);
        String name = DEFAULTS.get(stage);
        if (name == null) {
            if (engines.size() != 1) {
                throw new IllegalStateException("stage " + stage.folder() + " has " + engines.size()
                        + " engines and no default");
            }
            return engines.get(0);
        }
        return named(stage, name).orElseThrow(() -> new IllegalStateException(
                "the default engine of " + stage.folder() + " is not registered: " + name));
    }
}
