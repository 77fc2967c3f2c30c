package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/**
 * Canary traffic splitting is KServe's; a plain Deployment has no way to express it. The schema
 * admits {@code canary} on every served model; only kserve's record reads it, so on another
 * engine it is one of the model's unread fields.
 */
final class CanaryNeedsKserve implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            if (model.unread().contains("canary")) {
                findings.add(environment.locator().finding(Code.CHECK_CANARY_ENGINE,
                        Pointers.of("serving", name, "canary"),
                        Code.CHECK_CANARY_ENGINE.message(name, model.engine())));
            }
        });
    }
}
