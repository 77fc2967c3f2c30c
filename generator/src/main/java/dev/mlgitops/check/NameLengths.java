package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/**
 * Objects are named {@code <project>-<item>}; Kubernetes limits such names, and kustomize does
 * not check: a Service name is a DNS-1035 label (63), a CronJob or CronWorkflow at most 52
 * (11 characters go to the jobs it creates), a StatefulSet at most 52 (its pods carry a
 * {@code controller-revision-hash} label of the name plus 11 characters); a watched model's drift
 * detector, {@code <project>-<model>-quality}, a Service name too.
 */
final class NameLengths implements MeaningRule {

    private static final int LABEL = 63;
    private static final int SCHEDULED = 52;

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        String project = environment.metadata().name();
        environment.spec().serving().forEach((name, model) ->
                limit(project, name, LABEL, "Service name", Pointers.of("serving", name), environment, findings));
        environment.spec().notebooks().forEach((name, notebook) ->
                limit(project, name, SCHEDULED, "StatefulSet name", Pointers.of("notebooks", name), environment,
                        findings));
        environment.spec().training().forEach((name, job) -> {
            boolean scheduled = job.schedule() != null;
            limit(project, name, scheduled ? SCHEDULED : LABEL, scheduled ? "scheduled job's name" : "job name",
                    Pointers.of("training", name), environment, findings);
        });
        if (environment.spec().monitoring() != null) {
            // a watched model's drift detector is the Service <project>-<model>-quality
            environment.spec().monitoring().quality().keySet().forEach(name -> {
                String generated = project + "-" + name + "-quality";
                if (generated.length() > LABEL) {
                    findings.add(environment.locator().finding(Code.CHECK_NAME_TOO_LONG,
                            Pointers.of("monitoring", "quality", name), Code.CHECK_NAME_TOO_LONG.message(generated,
                                    generated.length(), LABEL, "drift detector's Service name", name)));
                }
            });
        }
    }

    private static void limit(String project, String item, int max, String what, String pointer,
                              ResolvedEnvironment environment, Findings findings) {
        String generated = project + "-" + item;
        if (generated.length() > max) {
            findings.add(environment.locator().finding(Code.CHECK_NAME_TOO_LONG, pointer,
                    Code.CHECK_NAME_TOO_LONG.message(generated, generated.length(), max, what, item)));
        }
    }
}
