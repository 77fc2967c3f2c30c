package dev.mlgitops.layout;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The full rendering of one environment: its objects as the overlay's kustomize transformers
 * leave them. This is the contract every overlay meets, so tests and later features compare
 * against it.
 *
 * <p>What kustomize v5.5.0 does with an overlay's {@code namespace:} and {@code labels:}, checked
 * with {@code kubectl kustomize} (the layout tests build every overlay and compare with this):
 * <ul>
 * <li>{@code metadata.namespace} is set on every namespaced kind;</li>
 * <li>every {@code Namespace} object is renamed to the target namespace;</li>
 * <li>a RoleBinding or ClusterRoleBinding subject of kind ServiceAccount that names a
 * ServiceAccount of the same build (same stage) and has no namespace or {@code default} gets the
 * target namespace; other subjects are left alone;</li>
 * <li>{@code labels:} without includeSelectors/includeTemplates adds the environment label to
 * {@code metadata.labels} only, never to selectors or pod templates.</li>
 * </ul>
 */
public final class Placement {

    /** Kustomize rewrites a ServiceAccount subject's namespace only when it is missing, empty or "default". */
    private static final Set<String> UNSET_NAMESPACES = Set.of("", "default");

    /** The label every object of an environment carries. */
    public static final String ENVIRONMENT_LABEL = "mlgitops.dev/environment";

    private Placement() {
    }

    /**
     * The environment's objects with its namespace and label applied, in the same order; the
     * inputs are not changed. Give all of an environment's objects (or all of one stage's): a
     * binding's subjects depend on the ServiceAccounts of its stage.
     */
    public static List<TypedObject> place(Target target, List<TypedObject> objects) {
        // each stage's ServiceAccounts once, not once per object: that was quadratic in the objects
        Map<Stage, Set<String>> serviceAccounts = new EnumMap<>(Stage.class);
        for (TypedObject object : objects) {
            serviceAccounts.computeIfAbsent(object.stage(), stage -> serviceAccounts(objects, stage));
        }
        return objects.stream().map(object -> place(target, object, serviceAccounts.get(object.stage()))).toList();
    }

    private static TypedObject place(Target target, TypedObject object, Set<String> serviceAccounts) {
        ObjectNode manifest = object.manifest().deepCopy();
        ObjectNode metadata = manifest.get("metadata") instanceof ObjectNode existing ? existing : manifest.putObject("metadata");
        ObjectKey key = placedKey(target, object.key());
        if (key.namespaced()) {
            metadata.put("namespace", target.namespace());
        } else if (isCore(key, "Namespace")) {
            metadata.put("name", target.namespace());
        }
        if (isBinding(key)) {
            for (JsonNode subject : manifest.path("subjects")) {
                if (subject instanceof ObjectNode s && "ServiceAccount".equals(s.path("kind").asString(""))
                        && serviceAccounts.contains(s.path("name").asString(""))
                        && UNSET_NAMESPACES.contains(s.path("namespace").asString("default"))) {
                    s.put("namespace", target.namespace());
                }
            }
        }
        ObjectNode labels = metadata.get("labels") instanceof ObjectNode existing ? existing : metadata.putObject("labels");
        labels.put(ENVIRONMENT_LABEL, target.environment());
        return new TypedObject(object.stage(), object.blueprint(), key, manifest, object.source());
    }

    /** The key an object has once placed: a Namespace takes the target's name. */
    static ObjectKey placedKey(Target target, ObjectKey key) {
        return !key.namespaced() && isCore(key, "Namespace")
                ? new ObjectKey(key.apiVersion(), key.kind(), target.namespace(), false) : key;
    }

    /** The namespace an object has once placed, read without copying it. */
    static String placedNamespace(Target target, TypedObject object) {
        return object.key().namespaced()
                ? target.namespace() : object.manifest().path("metadata").path("namespace").asString("");
    }

    private static Set<String> serviceAccounts(List<TypedObject> objects, Stage stage) {
        return objects.stream().filter(o -> o.stage() == stage && isCore(o.key(), "ServiceAccount"))
                .map(o -> o.key().name()).collect(Collectors.toSet());
    }

    private static boolean isCore(ObjectKey key, String kind) {
        return key.group().isEmpty() && key.kind().equals(kind);
    }

    private static boolean isBinding(ObjectKey key) {
        return key.group().equals("rbac.authorization.k8s.io")
                && (key.kind().equals("RoleBinding") || key.kind().equals("ClusterRoleBinding"));
    }
}
