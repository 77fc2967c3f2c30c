package dev.mlgitops.policy;

import java.util.List;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/**
 * Production serving has a PodDisruptionBudget, made from the same spec item as the workload, so
 * voluntary disruptions (drains, upgrades) leave replicas serving.
 */
final class DisruptionBudget extends ProductionServingRule {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "InferenceService");

    DisruptionBudget() {
        super(Code.POLICY_DISRUPTION_BUDGET);
    }

    @Override
    List<Violation> checkServing(TypedObject object, Scope scope) {
        if (!WORKLOADS.contains(object.key().kind())) {
            return List.of();
        }
        return scope.budgetedSources().contains(object.source())
                ? List.of() : List.of(Violation.atItem(object, code().message(object.key())));
    }
}
