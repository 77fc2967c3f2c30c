package dev.mlgitops.policy;

import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** Pod Security restricted: runAsNonRoot true (pod or container) and never runAsUser 0. */
final class RunAsNonRoot extends ContainerRule {

    RunAsNonRoot() {
        super(Code.POLICY_RUN_AS_NON_ROOT);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        boolean nonRoot = container.effective(pod, "runAsNonRoot").asBoolean(false);
        boolean rootUser = container.effective(pod, "runAsUser").asLong(-1) == 0;
        if (nonRoot && !rootUser) {
            return Optional.empty();
        }
        return flag(object, container);
    }
}
