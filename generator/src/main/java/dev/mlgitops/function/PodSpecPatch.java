package dev.mlgitops.function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import dev.mlgitops.yaml.KubeYaml;

/**
 * An Argo Workflows {@code podSpecPatch}: YAML or JSON text that the controller merges over the
 * pod it made (strategic merge: containers by name), the one way a template reaches the executor's
 * {@code init} and {@code wait} containers.
 */
final class PodSpecPatch {

    private PodSpecPatch() {
    }

    static JsonNode parse(String text) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return KubeYaml.mapper().readTree(text);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** The patch's entry for one container (in initContainers or containers), or a missing node. */
    static JsonNode container(JsonNode patch, boolean init, String name) {
        for (JsonNode container : patch.path(init ? "initContainers" : "containers")) {
            if (container.path("name").asString("").equals(name)) {
                return container;
            }
        }
        return MissingNode.getInstance();
    }
}
