package dev.mlgitops.policy;

import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** kube-linter no-read-only-root-fs: what a process may write, an intruder may too. */
final class ReadOnlyRootFilesystem extends ContainerRule {

    ReadOnlyRootFilesystem() {
        super(Code.POLICY_READ_ONLY_ROOT);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        if (container.security().path("readOnlyRootFilesystem").asBoolean(false)) {
            return Optional.empty();
        }
        return flag(object, container);
    }
}
