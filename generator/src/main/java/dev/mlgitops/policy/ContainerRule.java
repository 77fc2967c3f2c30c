package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.typed.TypedObject;

/** A rule that looks at each container of each pod of an object, one finding a container. */
abstract class ContainerRule implements PolicyRule {

    @Override
    public final List<Violation> check(TypedObject object, Scope scope) {
        List<Violation> found = new ArrayList<>();
        for (Pod pod : PodSpecs.of(object.key().kind(), object.manifest())) {
            for (Pod.Container container : pod.containers()) {
                check(object, pod, container, scope).ifPresent(found::add);
            }
        }
        return found;
    }

    abstract Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope);
}
