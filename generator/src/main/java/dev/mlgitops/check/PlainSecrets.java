package dev.mlgitops.check;

import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/**
 * A plain env value under a secret-looking name is a credential committed to Git: it belongs in
 * secretEnv. The finding names the variable, never its value.
 */
final class PlainSecrets implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) ->
                check(model.env(), Pointers.of("serving", name, "env"), environment, findings));
        environment.spec().training().forEach((pipeline, job) -> job.steps().forEach((step, definition) ->
                check(definition.env(), Pointers.of("training", pipeline, "steps", step, "env"), environment, findings)));
    }

    private static void check(Map<String, String> env, String pointer, ResolvedEnvironment environment,
                              Findings findings) {
        env.forEach((variable, value) -> {
            if (value != null && !value.isEmpty() && SecretNames.looksSecret(variable)) {
                findings.add(environment.locator().finding(Code.CHECK_PLAIN_SECRET, pointer + Pointers.of(variable),
                        Code.CHECK_PLAIN_SECRET.message(variable)));
            }
        });
    }
}
