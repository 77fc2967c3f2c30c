package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/** {@code registerModel} writes into the project's model registry, so there must be one. */
final class RegisterModelNeedsRegistry implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        if (environment.spec().modelRegistry() != null) {
            return;
        }
        environment.spec().training().forEach((pipeline, job) -> {
            if (job.registerModel() != null) {
                findings.add(environment.locator().finding(Code.CHECK_REGISTER_WITHOUT_REGISTRY,
                        Pointers.of("training", pipeline, "registerModel"),
                        Code.CHECK_REGISTER_WITHOUT_REGISTRY.message(job.registerModel().name())));
            }
        });
    }
}
