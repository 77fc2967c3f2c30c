package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/** An autoscaler cannot scale between a minimum above its maximum. */
final class ReplicaBounds implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            if (model.replicas() != null && model.replicas().min() > model.replicas().max()) {
                findings.add(environment.locator().finding(Code.CHECK_REPLICAS_ORDER,
                        Pointers.of("serving", name, "replicas", "min"),
                        Code.CHECK_REPLICAS_ORDER.message(model.replicas().min(), model.replicas().max())));
            }
        });
    }
}
