package dev.mlgitops.policy;

import java.util.List;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/**
 * Production serving has a PodDisruptionBudget, made from the same spec item as the workload, so
 * voluntary disruptions (drains, upgrades) leave replicas serving. Which kinds are the workloads
 * is the serving engine's own fact ({@link dev.mlgitops.render.ProductionFacts#budgeted()}).
 */
final class DisruptionBudget extends ProductionServingRule {

    DisruptionBudget() {
        super(Code.POLICY_DISRUPTION_BUDGET);
    }

    @Override
    List<Violation> checkServing(TypedObject object, Scope scope) {
        boolean workload = scope.productionFacts(object).map(facts -> facts.budgeted().contains(object.key().kind()))
                .orElse(false);
        if (!workload) {
            return List.of();
        }
        return scope.budgetedSources().contains(object.source())
                ? List.of() : List.of(Violation.atItem(object, code().message(object.key())));
    }
}
