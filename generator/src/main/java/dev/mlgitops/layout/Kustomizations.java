package dev.mlgitops.layout;

import java.util.List;

import dev.mlgitops.model.Target;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The kustomization.yaml files of bases and overlays, as trees. */
final class Kustomizations {

    private static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";

    private Kustomizations() {
    }

    /** A base: its object files, nothing else. */
    static ObjectNode base(List<String> resources) {
        ObjectNode kustomization = header();
        resources.forEach(kustomization.putArray("resources")::add);
        return kustomization;
    }

    /**
     * An overlay: the base (if any) and the environment's own files, then the namespace and the
     * environment label, then the patches. Kustomize applies patches before its namespace and
     * label transformers, so the patches are computed against the bare base objects. The
     * {@code images:} entries pin the environment's release; kustomize applies them after the patches.
     */
    static ObjectNode overlay(Target target, List<String> resources, ArrayNode patches, ArrayNode images) {
        ObjectNode kustomization = header();
        resources.forEach(kustomization.putArray("resources")::add);
        kustomization.put("namespace", target.namespace());
        // no includeSelectors/includeTemplates: selectors are immutable and pods need not carry it
        kustomization.putArray("labels").addObject().putObject("pairs")
                .put(Placement.ENVIRONMENT_LABEL, target.environment());
        if (!patches.isEmpty()) {
            kustomization.set("patches", patches);
        }
        if (!images.isEmpty()) {
            kustomization.set("images", images);
        }
        return kustomization;
    }

    private static ObjectNode header() {
        ObjectNode kustomization = KubeYaml.newObject();
        kustomization.put("apiVersion", API_VERSION);
        kustomization.put("kind", "Kustomization");
        return kustomization;
    }
}
