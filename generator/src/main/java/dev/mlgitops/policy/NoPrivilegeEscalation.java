package dev.mlgitops.policy;

import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** Pod Security restricted: allowPrivilegeEscalation must be set to false; unset fails. */
final class NoPrivilegeEscalation extends ContainerRule {

    NoPrivilegeEscalation() {
        super(Code.POLICY_PRIVILEGE_ESCALATION);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        var value = container.security().path("allowPrivilegeEscalation");
        if (value.isBoolean() && !value.booleanValue()) {
            return Optional.empty();
        }
        return flag(object, container);
    }
}
