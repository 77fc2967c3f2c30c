package dev.mlgitops.check;

import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.finding.Suggestions;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.finding.Findings;

/**
 * Each key of {@code monitoring.quality} names a served model: its detector, logging and alerts
 * are that model's. One that names none (a typo, or a model an environment's overrides removed)
 * would watch nothing, so it is refused at the key, with the closest served model's name.
 */
final class QualityOfServedModels implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        if (environment.spec().monitoring() == null) {
            return;
        }
        Set<String> served = environment.spec().serving().keySet();
        environment.spec().monitoring().quality().keySet().forEach(model -> {
            if (!served.contains(model)) {
                String hint = Suggestions.closest(model, served)
                        .map(closest -> " (did you mean '" + Shown.value(closest) + "'?)").orElse("");
                Object known = served.isEmpty() ? "(none)" : Shown.list(served.stream().sorted().toList());
                findings.add(environment.locator().finding(Code.CHECK_QUALITY_MODEL,
                        Pointers.of("monitoring", "quality", model),
                        Code.CHECK_QUALITY_MODEL.message(model, new Shown.Text(hint), known)));
            }
        });
    }
}
