package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.function.Workloads.Container;
import dev.mlgitops.function.Workloads.PodGroup;
import dev.mlgitops.function.Workloads.Workload;
import tools.jackson.databind.JsonNode;

/**
 * Every pod as the cluster will create it, with the containers operators inject, against the
 * Pod Security level the namespace enforces ({@code pod-security.kubernetes.io/enforce}). An
 * injected container that its object can fix (Argo's executor, through podSpecPatch) is checked as
 * patched; one that only a controller setting can fix (the Training Operator's init-pytorch) makes
 * that setting a prerequisite of the tree.
 */
final class Admission {

    /** The volume types Pod Security restricted admits. */
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("name", "configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private final Locator locator;
    private final String level;

    Admission(Locator locator, String level) {
        this.locator = locator;
        this.level = level;
    }

    void check(List<Workload> workloads, List<Finding> findings) {
        if (!level.equals("restricted") && !level.equals("baseline")) {
            return;
        }
        for (Workload workload : workloads) {
            for (PodGroup group : workload.groups()) {
                for (Container container : group.containers()) {
                    List<String> refused = refusals(group.pod(), container.node());
                    if (refused.isEmpty()) {
                        continue;
                    }
                    if (container.injected() != null && container.injected().clusterOnly()) {
                        // only the controller's setting can admit it: a prerequisite of the tree, not of the spec
                        continue;
                    }
                    String who = container.injected() == null ? "container '" + container.name() + "'"
                            : container.injected().by() + "'s " + (container.init() ? "init container" : "container")
                                    + " '" + container.name() + "'";
                    String fix = container.injected() == null ? "set it in the blueprint" : container.injected().fix();
                    findings.add(locator.finding(Code.FUNCTION_ADMISSION, workload.object().source(),
                            Code.FUNCTION_ADMISSION.message(workload.describe(), who, level,
                                    String.join(", ", refused), fix)));
                }
            }
        }
    }

    /** What the level refuses in one container of a pod; empty when admitted. */
    List<String> refusals(JsonNode pod, JsonNode container) {
        List<String> refused = new ArrayList<>();
        JsonNode own = container.path("securityContext");
        JsonNode shared = pod.path("securityContext");
        if (own.path("privileged").asBoolean(false)) {
            refused.add("privileged");
        }
        if (pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)
                || pod.path("hostIPC").asBoolean(false)) {
            refused.add("host namespaces");
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                refused.add("hostPath volume '" + volume.path("name").asString("") + "'");
            } else if (level.equals("restricted")) {
                volume.propertyNames().forEach(type -> {
                    if (!RESTRICTED_VOLUMES.contains(type)) {
                        refused.add(type + " volume");
                    }
                });
            }
        }
        if (!level.equals("restricted")) {
            return refused;
        }
        if (!own.path("allowPrivilegeEscalation").isBoolean() || own.path("allowPrivilegeEscalation").asBoolean()) {
            refused.add("allowPrivilegeEscalation is not false");
        }
        boolean dropsAll = false;
        for (JsonNode drop : own.path("capabilities").path("drop")) {
            dropsAll |= drop.asString("").equals("ALL");
        }
        if (!dropsAll) {
            refused.add("capabilities.drop lacks ALL");
        }
        for (JsonNode add : own.path("capabilities").path("add")) {
            if (!add.asString("").equals("NET_BIND_SERVICE")) {
                refused.add("adds capability " + add.asString(""));
            }
        }
        if (!effective(own, shared, "runAsNonRoot").asBoolean(false)) {
            refused.add("runAsNonRoot is not true");
        }
        if (effective(own, shared, "runAsUser").asInt(-1) == 0) {
            refused.add("runAsUser is 0");
        }
        String seccomp = effective(own, shared, "seccompProfile").path("type").asString("");
        if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
            refused.add("no RuntimeDefault seccompProfile");
        }
        return refused;
    }

    private static JsonNode effective(JsonNode own, JsonNode shared, String field) {
        JsonNode value = own.path(field);
        return value.isMissingNode() || value.isNull() ? shared.path(field) : value;
    }
}
