package dev.mlgitops.typed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/**
 * The kinds mlgitops emits, each with its fabric8 class, looked up by apiVersion and kind.
 * Explicit on purpose: a blueprint that renders anything else is wrong, not new.
 */
final class KubeTypes {

    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            Namespace.class, ResourceQuota.class, LimitRange.class, ServiceAccount.class,
            Role.class, RoleBinding.class, NetworkPolicy.class,
            Deployment.class, StatefulSet.class, Service.class, HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class, Ingress.class, ConfigMap.class, PersistentVolumeClaim.class,
            Job.class, CronJob.class, Secret.class);

    private final Map<String, Class<? extends HasMetadata>> byKey = new LinkedHashMap<>();

    KubeTypes() {
        for (Class<? extends HasMetadata> type : KINDS) {
            byKey.put(key(HasMetadata.getApiVersion(type), HasMetadata.getKind(type)), type);
        }
    }

    Optional<Class<? extends HasMetadata>> lookup(String apiVersion, String kind) {
        return Optional.ofNullable(byKey.get(key(apiVersion, kind)));
    }

    static boolean namespaced(Class<? extends HasMetadata> type) {
        return Namespaced.class.isAssignableFrom(type);
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
