package dev.mlgitops.policy;

import java.util.Optional;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** Pod Security restricted: seccomp RuntimeDefault (or Localhost), on the pod or on every container. */
final class SeccompRuntimeDefault extends ContainerRule {

    private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");

    SeccompRuntimeDefault() {
        super(Code.POLICY_SECCOMP);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        String type = container.effective(pod, "seccompProfile").path("type").asString("");
        if (ALLOWED.contains(type)) {
            return Optional.empty();
        }
        String found = type.isEmpty() ? "no seccomp profile" : "seccomp profile '" + type + "'";
        return flag(object, container, found);
    }
}
