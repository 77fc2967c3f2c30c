package dev.mlgitops.check;

import java.math.BigDecimal;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.TrainingFields;

/** A pod asking for more GPUs than the namespace's quota can never be admitted. */
final class GpusWithinQuota implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec spec = environment.spec();
        Optional<BigDecimal> quota = Optional.ofNullable(spec.tenancy())
                .map(Spec.Tenancy::quota)
                .flatMap(q -> Quantity.parse(q.gpu()));
        if (quota.isEmpty()) {
            return;
        }
        spec.notebooks().forEach((name, notebook) -> within(notebook.resources(), "notebook '" + name + "'",
                Pointers.of("notebooks", name, "resources", "gpu"), quota.get(), environment, findings));
        spec.training().forEach((pipeline, job) -> {
            if (job.own() instanceof TrainingFields.PyTorchJob distributed) {
                within(distributed.resources(), "each pod of pipeline '" + pipeline + "'",
                        Pointers.of("training", pipeline, "resources", "gpu"), quota.get(), environment, findings);
            }
            TrainingFields.Steps.of(job).forEach((step, definition) -> within(definition.resources(), "step '" + step + "'",
                    Pointers.of("training", pipeline, "steps", step, "resources", "gpu"), quota.get(),
                    environment, findings));
        });
        spec.serving().forEach((name, model) -> within(model.resources(), "each replica of model '" + name + "'",
                Pointers.of("serving", name, "resources", "gpu"), quota.get(), environment, findings));
    }

    private static void within(Spec.Resources resources, String who, String pointer, BigDecimal quota,
                               ResolvedEnvironment environment, Findings findings) {
        if (resources == null) {
            return;
        }
        Quantity.parse(resources.gpu())
                .filter(gpus -> gpus.compareTo(quota) > 0)
                .ifPresent(gpus -> findings.add(environment.locator().finding(Code.CHECK_GPU_OVER_QUOTA, pointer,
                        Code.CHECK_GPU_OVER_QUOTA.message(who, resources.gpu(), quota.toPlainString()))));
    }
}
