package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/**
 * A container that serves (a long-running pod's container with ports) needs a readiness probe so
 * it gets traffic only when ready, and a liveness probe so a hung one is restarted.
 */
final class RequireProbes extends ContainerRule {

    RequireProbes() {
        super(Code.POLICY_PROBES);
    }

    @Override
    Optional<Violation> check(TypedObject object, Pod pod, Pod.Container container, Scope scope) {
        boolean serves = pod.longRunning() && !container.node().path("ports").isEmpty()
                && pod.spec().path("containers").valueStream().anyMatch(c -> c == container.node());
        if (!serves) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (!container.node().has("livenessProbe")) {
            missing.add("liveness");
        }
        if (!container.node().has("readinessProbe")) {
            missing.add("readiness");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return flag(object, container, String.join(" or ", missing));
    }
}
