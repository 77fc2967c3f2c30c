package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.check.SecretNames;
import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/**
 * kube-linter env-var-secret, on what the blueprints rendered: the meaning check already stops a
 * secret-looking env of the spec, this catches one a blueprint writes. The value is never echoed.
 */
final class NoPlainSecretEnv extends ContainerRule {

    NoPlainSecretEnv() {
        super(Code.POLICY_SECRET_ENV);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        List<String> names = new ArrayList<>();
        container.node().path("env").forEach(variable -> {
            String name = variable.path("name").asString("");
            if (variable.has("value") && !variable.path("value").asString("").isEmpty() && SecretNames.looksSecret(name)) {
                names.add(name);
            }
        });
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return flag(object, container, String.join(", ", names));
    }
}
