package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/** Every schedule must be a cron expression the cluster's controllers accept. */
final class CronSchedules implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec spec = environment.spec();
        if (spec.featureStore() != null && spec.featureStore().materialize() != null) {
            check(spec.featureStore().materialize().schedule(), "/featureStore/materialize/schedule",
                    environment, findings);
        }
        spec.training().forEach((pipeline, job) ->
                check(job.schedule(), Pointers.of("training", pipeline, "schedule"), environment, findings));
    }

    private static void check(String schedule, String pointer, ResolvedEnvironment environment, Findings findings) {
        if (schedule == null) {
            return;
        }
        Cron.problem(schedule).ifPresent(problem -> findings.add(environment.locator().finding(
                Code.CHECK_CRON, pointer, Code.CHECK_CRON.message(schedule, problem))));
    }
}
