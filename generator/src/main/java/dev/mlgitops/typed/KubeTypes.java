package dev.mlgitops.typed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in kinds mlgitops emits, each with the core definition that is its schema, looked
 * up by apiVersion and kind. Explicit on purpose: a blueprint that renders anything else is
 * wrong, not new. {@code CoreDefinitionsTest} holds this list to fabric8's model (the same kinds,
 * apiVersions and scopes), so it cannot drift from the schemas generated from it.
 */
final class KubeTypes {

    /** One built-in kind: its apiVersion and kind, the definition it is checked against, its scope. */
    record BuiltInKind(String apiVersion, String kind, String definition, boolean namespaced) {
    }

    private static final List<BuiltInKind> KINDS = List.of(
            cluster("v1", "Namespace"),
            namespaced("v1", "ResourceQuota"),
            namespaced("v1", "LimitRange"),
            namespaced("v1", "ServiceAccount"),
            namespaced("rbac.authorization.k8s.io/v1", "Role"),
            namespaced("rbac.authorization.k8s.io/v1", "RoleBinding"),
            namespaced("networking.k8s.io/v1", "NetworkPolicy"),
            namespaced("apps/v1", "Deployment"),
            namespaced("apps/v1", "StatefulSet"),
            namespaced("v1", "Service"),
            namespaced("autoscaling/v2", "HorizontalPodAutoscaler"),
            namespaced("policy/v1", "PodDisruptionBudget"),
            namespaced("networking.k8s.io/v1", "Ingress"),
            namespaced("v1", "ConfigMap"),
            namespaced("v1", "PersistentVolumeClaim"),
            namespaced("batch/v1", "Job"),
            namespaced("batch/v1", "CronJob"),
            namespaced("v1", "Secret"));

    private static final Map<String, BuiltInKind> BY_KEY = KINDS.stream()
            .collect(Collectors.toUnmodifiableMap(kind -> key(kind.apiVersion(), kind.kind()), Function.identity()));

    Optional<BuiltInKind> lookup(String apiVersion, String kind) {
        return Optional.ofNullable(BY_KEY.get(key(apiVersion, kind)));
    }

    int count() {
        return KINDS.size();
    }

    private static BuiltInKind namespaced(String apiVersion, String kind) {
        return new BuiltInKind(apiVersion, kind, kind, true);
    }

    private static BuiltInKind cluster(String apiVersion, String kind) {
        return new BuiltInKind(apiVersion, kind, kind, false);
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
