package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/**
 * A served model's files come from one place: {@code model.storageUri} or {@code model.registered},
 * not both and not neither. The schema lists both fields without choosing, as it does for an
 * environment's {@code cluster} and {@code clusters}: a schema's oneOf would report two unmet
 * branches, where this says which field to give. A registered model is resolved by the
 * project's model registry, so there must be one ({@link RegisterModelNeedsRegistry}'s twin).
 */
final class ServedModelSource implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, serving) -> {
            Spec.Model model = serving == null ? null : serving.model();
            if (model == null) {
                return;
            }
            if (model.storageUri() != null && model.registered() != null) {
                findings.add(environment.locator().finding(Code.CHECK_MODEL_SOURCE,
                        Pointers.of("serving", name, "model", "registered"),
                        Code.CHECK_MODEL_SOURCE.message(name, "both model.storageUri and model.registered")));
            } else if (model.storageUri() == null && model.registered() == null) {
                findings.add(environment.locator().finding(Code.CHECK_MODEL_SOURCE, Pointers.of("serving", name, "model"),
                        Code.CHECK_MODEL_SOURCE.message(name, "neither model.storageUri nor model.registered")));
            } else if (model.registered() != null && environment.spec().modelRegistry() == null) {
                findings.add(environment.locator().finding(Code.CHECK_REGISTERED_WITHOUT_REGISTRY,
                        Pointers.of("serving", name, "model", "registered"),
                        Code.CHECK_REGISTERED_WITHOUT_REGISTRY.message(name, model.registered().model())));
            }
        });
    }
}
