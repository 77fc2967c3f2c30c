package dev.mlgitops.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.Engine;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.ProductionFacts;
import dev.mlgitops.render.ServingEngine;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/**
 * What a rule may look at besides the object: the environment and all its objects (to find the
 * autoscaler or disruption budget of a workload).
 *
 * @param production       whether this is the last environment in promotion order
 * @param budgetedSources  the spec items with a PodDisruptionBudget among the objects
 * @param scaledWorkloads  the kind and name of each workload an autoscaler among the objects scales
 * @param podIndex         the pods of the run's objects, shared by every environment's scope
 */
record Scope(ResolvedEnvironment environment, List<TypedObject> objects, boolean production,
             Set<String> budgetedSources, Set<List<String>> scaledWorkloads, PodIndex podIndex) {

    /** The scope of one environment, its budgets and autoscalers indexed once rather than per workload. */
    static Scope of(ResolvedEnvironment environment, List<TypedObject> objects, boolean production, PodIndex podIndex) {
        Set<String> budgeted = new HashSet<>();
        Set<List<String>> scaled = new HashSet<>();
        for (TypedObject object : objects) {
            switch (object.key().kind()) {
                case "PodDisruptionBudget" -> budgeted.add(object.source());
                case "HorizontalPodAutoscaler" -> {
                    JsonNode target = object.manifest().path("spec").path("scaleTargetRef");
                    scaled.add(List.of(target.path("kind").asString(""), target.path("name").asString("")));
                }
                default -> {
                    // neither a budget nor an autoscaler
                }
            }
        }
        return new Scope(environment, objects, production, budgeted, scaled, podIndex);
    }

    /**
     * What the production rules know of the engine that made an object, in this environment: the
     * engine of the served model the object came from, or the model registry's. Empty for every
     * other object.
     */
    Optional<ProductionFacts> productionFacts(TypedObject object) {
        Optional<ProductionFacts> serving = SpecItems.servedModel(environment.spec(), object.source())
                .flatMap(model -> Engines.serving(model.engine()))
                .map(ServingEngine::production);
        if (serving.isPresent()) {
            return serving;
        }
        return SpecItems.modelRegistry(environment.spec(), object.source())
                .flatMap(registry -> Engines.named(Stage.MODEL_REGISTRY, registry.engine()))
                .map(Engine::production);
    }

    /** The pods of one of the objects. */
    List<Pod> pods(TypedObject object) {
        return podIndex.pods(object);
    }
}
