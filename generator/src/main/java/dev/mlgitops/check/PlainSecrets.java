package dev.mlgitops.check;

import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.TrainingFields;

/**
 * A plain env value under a secret-looking name, or a value or argument that holds a credential
 * ({@code postgres://u:pw@db}, {@code password=...}, {@code --api-key <value>}), is a credential
 * committed to Git: it belongs in secretEnv. The finding names the variable or argument, never its value.
 */
final class PlainSecrets implements MeaningRule {

    @Override
    public void check(ResolvedEnvironment environment, Findings findings) {
        environment.spec().serving().forEach((name, model) -> {
            if (model.own() instanceof ServingFields.Container container) {
                check(container.env(), Pointers.of("serving", name, "env"), environment, findings);
                checkArguments(container.args(), Pointers.of("serving", name, "args"), environment, findings);
            }
        });
        environment.spec().training().forEach((pipeline, job) -> {
            if (job.own() instanceof TrainingFields.PyTorchJob distributed) {
                checkArguments(distributed.command(), Pointers.of("training", pipeline, "command"), environment, findings);
            }
            TrainingFields.Steps.of(job).forEach((step, definition) -> {
                String pointer = Pointers.of("training", pipeline, "steps", step);
                check(definition.env(), pointer + Pointers.of("env"), environment, findings);
                checkArguments(definition.command(), pointer + Pointers.of("command"), environment, findings);
            });
        });
    }

    private static void checkArguments(List<String> args, String pointer, ResolvedEnvironment environment,
                                       Findings findings) {
        for (int index : Credentials.inArguments(args)) {
            findings.add(environment.locator().finding(Code.CHECK_PLAIN_SECRET_VALUE, pointer + "/" + index,
                    Code.CHECK_PLAIN_SECRET_VALUE.message("argument " + index, "a credential")));
        }
    }

    private static void check(Map<String, String> env, String pointer, ResolvedEnvironment environment,
                              Findings findings) {
        env.forEach((variable, value) -> {
            if (value == null || value.isEmpty()) {
                return;
            }
            if (SecretNames.looksSecret(variable)) {
                findings.add(environment.locator().finding(Code.CHECK_PLAIN_SECRET, pointer + Pointers.of(variable),
                        Code.CHECK_PLAIN_SECRET.message(variable)));
            } else {
                Credentials.inValue(value).ifPresent(kind -> findings.add(environment.locator().finding(
                        Code.CHECK_PLAIN_SECRET_VALUE, pointer + Pointers.of(variable),
                        Code.CHECK_PLAIN_SECRET_VALUE.message("'" + variable + "'", kind))));
            }
        });
    }
}
