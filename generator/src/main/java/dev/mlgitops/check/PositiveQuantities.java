package dev.mlgitops.check;

import java.math.BigDecimal;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.TrainingFields;

/**
 * CPU, memory and storage that are zero make a pod that never schedules or a quota that admits
 * nothing; GPU counts may be zero.
 */
final class PositiveQuantities implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec spec = environment.spec();
        if (spec.tenancy() != null && spec.tenancy().quota() != null) {
            Spec.Quota quota = spec.tenancy().quota();
            positive(quota.cpu(), "/tenancy/quota/cpu", environment, findings);
            positive(quota.memory(), "/tenancy/quota/memory", environment, findings);
            positive(quota.storage(), "/tenancy/quota/storage", environment, findings);
        }
        if (spec.featureStore() != null && spec.featureStore().server() != null) {
            resources(spec.featureStore().server().resources(), "/featureStore/server/resources", environment, findings);
        }
        spec.notebooks().forEach((name, notebook) -> {
            resources(notebook.resources(), Pointers.of("notebooks", name, "resources"), environment, findings);
            positive(notebook.storage(), Pointers.of("notebooks", name, "storage"), environment, findings);
        });
        spec.training().forEach((pipeline, job) -> {
            if (job.own() instanceof TrainingFields.PyTorchJob distributed) {
                resources(distributed.resources(), Pointers.of("training", pipeline, "resources"), environment, findings);
            }
            TrainingFields.Steps.of(job).forEach((step, definition) -> resources(definition.resources(),
                    Pointers.of("training", pipeline, "steps", step, "resources"), environment, findings));
        });
        spec.serving().forEach((name, model) ->
                resources(model.resources(), Pointers.of("serving", name, "resources"), environment, findings));
    }

    private static void resources(Spec.Resources resources, String pointer, ResolvedEnvironment environment,
                                  Findings findings) {
        if (resources != null) {
            positive(resources.cpu(), pointer + "/cpu", environment, findings);
            positive(resources.memory(), pointer + "/memory", environment, findings);
        }
    }

    private static void positive(String quantity, String pointer, ResolvedEnvironment environment, Findings findings) {
        Quantity.parse(quantity)
                .filter(amount -> amount.compareTo(BigDecimal.ZERO) <= 0)
                .ifPresent(zero -> findings.add(environment.locator().finding(Code.CHECK_QUANTITY_ZERO, pointer,
                        Code.CHECK_QUANTITY_ZERO.message(pointer.substring(pointer.lastIndexOf('/') + 1)))));
    }
}
