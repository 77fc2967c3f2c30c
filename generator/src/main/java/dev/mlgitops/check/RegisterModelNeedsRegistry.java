package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/**
 * {@code registerModel} writes into the project's model registry, so there must be one. A pytorchjob
 * pipeline registers from the step its CronWorkflow runs after the job, so it needs a schedule: a
 * job that runs once is a plain synced object, with nothing after it (docs/datasets.md says why).
 */
final class RegisterModelNeedsRegistry implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().training().forEach((pipeline, job) -> {
            if (job.registerModel() == null) {
                return;
            }
            if (environment.spec().modelRegistry() == null) {
                findings.add(environment.locator().finding(Code.CHECK_REGISTER_WITHOUT_REGISTRY,
                        Pointers.of("training", pipeline, "registerModel"),
                        Code.CHECK_REGISTER_WITHOUT_REGISTRY.message(job.registerModel().name())));
            }
            if ("pytorchjob".equals(job.engine()) && job.schedule() == null) {
                findings.add(environment.locator().finding(Code.CHECK_REGISTER_UNSCHEDULED_PYTORCHJOB,
                        Pointers.of("training", pipeline, "registerModel"),
                        Code.CHECK_REGISTER_UNSCHEDULED_PYTORCHJOB.message(pipeline)));
            }
        });
    }
}
