package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;

/**
 * An alias is not a pin. An environment that keeps its release until promoted ({@code track:
 * pinned}, every environment but the first unless it tracks the latest) is meant to run what its
 * release names; its release pins a registered model's reference as written, and
 * {@code models:/<name>@<alias>} loads whatever version the alias names when a pod starts. So
 * moving the alias in MLflow changes what new pods of that environment serve without a commit, a
 * new revision or a promotion. A warning at the alias, for each such environment: the author may
 * mean it (the alias is moved by review), and then waives it on the item with a reason.
 */
final class RegisteredAliasPinned implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Target target = environment.target().orElse(null);
        if (target == null || target.followsSpec()) {
            return;
        }
        environment.spec().serving().forEach((name, serving) -> {
            Spec.Registered registered = serving == null || serving.model() == null ? null : serving.model().registered();
            if (registered == null || registered.alias() == null || registered.version() != null
                    || serving.waivers().containsKey(Code.CHECK_REGISTERED_ALIAS.id())) {
                return;
            }
            findings.add(environment.locator().finding(Code.CHECK_REGISTERED_ALIAS,
                    Pointers.of("serving", name, "model", "registered", "alias"),
                    Code.CHECK_REGISTERED_ALIAS.message(name, registered.model(), registered.alias(),
                            target.environment(), target.environment())));
        });
    }
}
