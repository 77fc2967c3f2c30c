package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;

import dev.mlgitops.finding.Code;
import dev.mlgitops.typed.TypedObject;

/**
 * Pod Security baseline: no host network, PID or IPC namespace, no hostPath volume, no host
 * port. One finding an object lists all of them.
 */
final class NoHostAccess implements PolicyRule {

    @Override
    public Code code() {
        return Code.POLICY_HOST_ACCESS;
    }

    @Override
    public List<Violation> check(TypedObject object, Scope scope) {
        List<String> uses = new ArrayList<>();
        for (Pod pod : scope.pods(object)) {
            for (String namespace : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.spec().path(namespace).asBoolean(false)) {
                    uses.add(namespace);
                }
            }
            pod.spec().path("volumes").forEach(volume -> {
                if (volume.has("hostPath")) {
                    uses.add("hostPath volume '" + volume.path("name").asString("") + "'");
                }
            });
            for (Pod.Container container : pod.containers()) {
                container.node().path("ports").forEach(port -> {
                    if (port.path("hostPort").asInt(0) != 0) {
                        uses.add("hostPort " + port.path("hostPort").asInt() + " of container '" + container.name() + "'");
                    }
                });
            }
        }
        if (uses.isEmpty()) {
            return List.of();
        }
        return List.of(Violation.atItem(object, code().message(object.key(), String.join(", ", uses))));
    }
}
