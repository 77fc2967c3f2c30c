package dev.mlgitops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the pods of any object by their shape rather than by kind, so a new engine's custom
 * resource is checked without teaching the rules about it: a node with {@code containers} (core
 * pod specs, PyTorchJob replicas), with a {@code container} (Argo Workflows templates), or with a
 * KServe {@code model} is a pod. A {@code securityContext} on a node above a pod (the workflow's
 * spec) is the pod's unless the pod has its own.
 */
final class PodSpecs {

    private static final Set<String> RUN_TO_COMPLETION = Set.of("Job", "CronJob", "WorkflowTemplate",
            "CronWorkflow", "Workflow", "PyTorchJob");

    private PodSpecs() {
    }

    static List<Pod> of(String kind, ObjectNode manifest) {
        List<Pod> pods = new ArrayList<>();
        JsonNode spec = manifest.path("spec");
        if (spec instanceof ObjectNode object) {
            walk(object, MissingNode.getInstance(), !RUN_TO_COMPLETION.contains(kind), pods);
        }
        return pods;
    }

    private static void walk(JsonNode node, JsonNode inherited, boolean longRunning, List<Pod> pods) {
        if (node instanceof ObjectNode object) {
            JsonNode security = object.has("securityContext") ? object.get("securityContext") : inherited;
            List<Pod.Container> containers = containers(object);
            if (!containers.isEmpty()) {
                pods.add(new Pod(object, security, containers, longRunning));
                return;
            }
            for (var entry : object.properties()) {
                if (!entry.getKey().equals("metadata")) {
                    walk(entry.getValue(), security, longRunning, pods);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, inherited, longRunning, pods));
        }
    }

    private static List<Pod.Container> containers(ObjectNode pod) {
        List<Pod.Container> found = new ArrayList<>();
        for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
            pod.path(list).forEach(container -> add(container, "", found));
        }
        // an Argo Workflows template's one container: named after the template, as users know it
        add(pod.path("container"), pod.path("name").asString("main"), found);
        if (pod.path("model").has("modelFormat")) {
            // KServe's predictor: its model becomes the container "kserve-container"
            add(pod.path("model"), "kserve-container", found);
        }
        return found;
    }

    private static void add(JsonNode container, String defaultName, List<Pod.Container> found) {
        if (container instanceof ObjectNode object && (object.has("image") || object.has("modelFormat"))) {
            String name = object.path("name").isString() ? object.get("name").asString() : defaultName;
            found.add(new Pod.Container(name, object));
        }
    }
}
