package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/**
 * kube-linter's defaults: a CPU request (the scheduler and a CPU autoscaler need it) and a
 * memory limit (a leak must not take the node).
 */
final class RequireResources extends ContainerRule {

    RequireResources() {
        super(Code.POLICY_RESOURCES);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        List<String> missing = new ArrayList<>();
        if (!set(container, "requests", "cpu")) {
            missing.add("CPU request");
        }
        if (!set(container, "limits", "memory")) {
            missing.add("memory limit");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return flag(object, container, String.join(" and ", missing));
    }

    private static boolean set(Pod.Container container, String kind, String resource) {
        var value = container.node().path("resources").path(kind).path(resource);
        return !value.isMissingNode() && !value.isNull() && !value.asString("").isBlank();
    }
}
