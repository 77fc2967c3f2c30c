package dev.mlgitops.layout;

import java.util.Set;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.typed.TypedObject;

/**
 * Kustomize decides by kind alone which objects its {@code namespace:} field skips; any other
 * kind, such as a cluster-scoped custom resource, would get a namespace the API rejects. The
 * layout refuses those rather than emit an overlay that does not build what it says.
 */
final class KustomizeScope {

    /** kubernetes-sigs/kustomize {@code api/resid/gvk.go}, {@code notNamespaceableKinds} (v5.5.0). */
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of(
            "APIService", "CSIDriver", "CSINode", "CertificateSigningRequest", "ClusterRole",
            "ClusterRoleBinding", "ComponentStatus", "CustomResourceDefinition",
            "MutatingWebhookConfiguration", "Namespace", "Node", "PersistentVolume",
            "PodSecurityPolicy", "PriorityClass", "RuntimeClass", "SelfSubjectAccessReview",
            "SelfSubjectRulesReview", "StorageClass", "SubjectAccessReview", "TokenReview",
            "ValidatingWebhookConfiguration", "VolumeAttachment");

    private KustomizeScope() {
    }

    static void requireKnownScope(TypedObject object) {
        if (!object.key().namespaced() && !CLUSTER_SCOPED_KINDS.contains(object.key().kind())) {
            throw new MlGitopsException("laying out " + object.key() + " from blueprint " + object.blueprint()
                    + ": kustomize would give this cluster-scoped kind a namespace; emit it outside the overlays");
        }
    }
}
