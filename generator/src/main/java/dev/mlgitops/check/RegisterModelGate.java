package dev.mlgitops.check;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;

/** A gate must bound its metric (min, max or both), and a range must not be empty. */
final class RegisterModelGate implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().training().forEach((pipeline, job) -> {
            Spec.Gate gate = job == null || job.registerModel() == null ? null : job.registerModel().gate();
            if (gate == null) {
                return;
            }
            String pointer = Pointers.of("training", pipeline, "registerModel", "gate");
            if (gate.min() == null && gate.max() == null) {
                findings.add(environment.locator().finding(Code.CHECK_GATE_BOUND, pointer,
                        Code.CHECK_GATE_BOUND.message(gate.metric())));
            } else if (gate.min() != null && gate.max() != null && gate.min().compareTo(gate.max()) > 0) {
                findings.add(environment.locator().finding(Code.CHECK_GATE_RANGE, pointer,
                        Code.CHECK_GATE_RANGE.message(gate.metric(), gate.min().toPlainString(), gate.max().toPlainString())));
            }
        });
    }
}
