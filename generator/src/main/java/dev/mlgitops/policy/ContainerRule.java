package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/** A rule that looks at each container of each pod of an object, one finding a container. */
abstract class ContainerRule implements PolicyRule {

    private final Code code;

    ContainerRule(Code code) {
        this.code = code;
    }

    @Override
    public final Code code() {
        return code;
    }

    @Override
    public final List<Violation> check(TypedObject object, Scope scope) {
        List<Violation> found = new ArrayList<>();
        for (Pod pod : scope.pods(object)) {
            for (Pod.Container container : pod.containers()) {
                check(object, pod, container, scope).ifPresent(found::add);
            }
        }
        return found;
    }

    abstract Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope);

    /** A violation at the object's item, the message the code's with these arguments after the object and container. */
    final Optional<Violation> flag(TypedObject object, Pod.Container container, Object... more) {
        Object[] args = new Object[more.length + 2];
        args[0] = object.key();
        args[1] = container.name();
        System.arraycopy(more, 0, args, 2, more.length);
        return Optional.of(Violation.atItem(object, code.message(args)));
    }
}
