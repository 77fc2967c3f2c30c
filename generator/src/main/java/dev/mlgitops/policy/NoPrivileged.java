package dev.mlgitops.policy;

import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** Pod Security baseline: a privileged container is root on the node. */
final class NoPrivileged extends ContainerRule {

    NoPrivileged() {
        super(Code.POLICY_PRIVILEGED);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        if (!container.security().path("privileged").asBoolean(false)) {
            return Optional.empty();
        }
        return flag(object, container);
    }
}
