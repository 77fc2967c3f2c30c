package dev.mlgitops.policy;

import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.model.Spec;
import dev.mlgitops.typed.TypedObject;

/**
 * Production serving (and the model registry's server) runs at least two replicas, so a node drain
 * or a crash leaves one serving.
 * The count is read where the serving engine says it is owned
 * ({@link dev.mlgitops.render.ProductionFacts#replicas()}): an autoscaler's minReplicas, an
 * InferenceService's, or a workload's replicas when no autoscaler scales it. Each default is the
 * API's (1).
 */
final class ReplicasInProduction extends ProductionServingRule {

    ReplicasInProduction() {
        super(Code.POLICY_REPLICAS);
    }

    @Override
    List<Violation> checkServing(TypedObject object, Scope scope) {
        return least(object, scope)
                .filter(replicas -> replicas < 2)
                .map(replicas -> List.of(new Violation(pointer(object, scope), code().message(object.key(), replicas))))
                .orElse(List.of());
    }

    private static Optional<Integer> least(TypedObject object, Scope scope) {
        return scope.productionFacts(object)
                .flatMap(facts -> facts.replicasOf(object.key().kind()))
                .filter(count -> !(count.unlessAutoscaled() && scaled(object, scope)))
                .map(count -> object.manifest().at(count.pointer()).asInt(1));
    }

    /** Whether an autoscaler of the same environment owns the workload's count. */
    private static boolean scaled(TypedObject workload, Scope scope) {
        return scope.scaledWorkloads().contains(List.of(workload.key().kind(), workload.key().name()));
    }

    /**
     * The served model's replicas.min (the model registry's replicas) when the spec sets it (an
     * override's, if one did), else the item.
     */
    private static String pointer(TypedObject object, Scope scope) {
        Spec.ModelRegistry registry = scope.environment().spec().modelRegistry();
        if (SpecItems.modelRegistry(scope.environment().spec(), object.source()).isPresent() && registry.replicas() != null) {
            return object.source() + "/replicas";
        }
        for (var entry : scope.environment().spec().serving().entrySet()) {
            Spec.ServingModel model = entry.getValue();
            if (object.source().equals(SpecItems.serving(entry.getKey())) && model.replicas() != null) {
                return object.source() + "/replicas/min";
            }
        }
        return object.source();
    }
}
