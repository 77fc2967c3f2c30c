package dev.mlgitops.layout;

import java.util.List;

import dev.mlgitops.model.Target;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full rendering of one environment: its objects as kustomize's overlay transformers leave
 * them. This is the contract every overlay must meet, so tests and later features compare
 * against it.
 *
 * <p>What kustomize v5.5.0 does, checked with {@code kubectl kustomize} (see the layout tests):
 * {@code namespace:} sets {@code metadata.namespace} on namespaced kinds and renames every
 * {@code Namespace} object to that namespace; it leaves RoleBinding subjects alone.
 * {@code labels:} without includeSelectors/includeTemplates touches {@code metadata.labels} only.
 */
public final class Placement {

    /** The label every object of an environment carries. */
    public static final String ENVIRONMENT_LABEL = "mlgitops.dev/environment";

    private Placement() {
    }

    /** The environment's objects with namespace and environment label applied, in the same order. */
    public static List<TypedObject> place(Target target, List<TypedObject> objects) {
        return objects.stream().map(object -> place(target, object)).toList();
    }

    public static TypedObject place(Target target, TypedObject object) {
        ObjectNode manifest = object.manifest().deepCopy();
        ObjectNode metadata = manifest.get("metadata") instanceof ObjectNode existing ? existing : manifest.putObject("metadata");
        ObjectKey key = object.key();
        if (key.namespaced()) {
            metadata.put("namespace", target.namespace());
        } else if (isNamespace(key)) {
            metadata.put("name", target.namespace());
            key = new ObjectKey(key.apiVersion(), key.kind(), target.namespace(), false);
        }
        ObjectNode labels = metadata.get("labels") instanceof ObjectNode existing ? existing : metadata.putObject("labels");
        labels.put(ENVIRONMENT_LABEL, target.environment());
        return new TypedObject(object.stage(), object.blueprint(), key, manifest);
    }

    static boolean isNamespace(ObjectKey key) {
        return key.group().isEmpty() && key.kind().equals("Namespace");
    }
}
