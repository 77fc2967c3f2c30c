package dev.mlgitops.check;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.finding.Suggestions;

/**
 * A waiver names a policy rule and says why it does not apply; one that names no rule would
 * silence nothing, and one without a reason leaves reviewers guessing.
 */
final class Waivers implements MeaningRule {

    /** The ids of the rules that can be waived: every policy code but the tenancy guard, and the KServe host warning. */
    static final List<String> RULES = Arrays.stream(Code.values())
            .filter(Code::waivable)
            .map(Code::id)
            .toList();

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        Spec spec = environment.spec();
        if (spec.featureStore() != null) {
            check(spec.featureStore().waivers(), Pointers.of("featureStore"), environment, findings);
        }
        if (spec.modelRegistry() != null) {
            check(spec.modelRegistry().waivers(), Pointers.of("modelRegistry"), environment, findings);
        }
        spec.notebooks().forEach((name, item) -> check(item.waivers(), Pointers.of("notebooks", name), environment, findings));
        spec.training().forEach((name, item) -> check(item.waivers(), Pointers.of("training", name), environment, findings));
        spec.serving().forEach((name, item) -> check(item.waivers(), Pointers.of("serving", name), environment, findings));
    }

    private static void check(Map<String, String> waivers, String item, ResolvedEnvironment environment,
                              Findings findings) {
        waivers.forEach((rule, reason) -> {
            String pointer = item + Pointers.of("waivers", rule);
            if (!RULES.contains(rule)) {
                String hint = Suggestions.closest(rule, RULES).map(id -> " (did you mean '" + id + "'?)").orElse("");
                findings.add(environment.locator().finding(Code.CHECK_WAIVER_UNKNOWN, pointer,
                        Code.CHECK_WAIVER_UNKNOWN.message(rule, hint, Shown.list(RULES))));
            } else if (reason == null || reason.isBlank()) {
                findings.add(environment.locator().finding(Code.CHECK_WAIVER_REASON, pointer,
                        Code.CHECK_WAIVER_REASON.message(rule)));
            }
        });
    }
}
