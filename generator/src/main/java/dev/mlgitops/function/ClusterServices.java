package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlgitops.model.Spec;
import dev.mlgitops.render.RuntimeContract.Requirement;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/**
 * What every cluster runs that belongs to no engine: cluster DNS, the API server, the cloud
 * metadata address, the networking layer's gateways; and what tenancy's own kinds need installed
 * (External Secrets, an enforcing CNI, an ingress controller, cert-manager or TLS Secrets). What an
 * engine's objects need is the engine's ({@code render.Engines}); each fact here names its source.
 */
final class ClusterServices {

    private ClusterServices() {
    }

    /** Where cluster DNS answers: CoreDNS/kube-dns's documented namespace and label. */
    static final Peer KUBE_DNS = Peer.cluster("kube-system", Map.of("k8s-app", "kube-dns"));

    /**
     * The labels of each Knative networking layer's gateway pods: Istio's ingressgateway
     * (istio-system), net-kourier's 3scale-kourier-gateway (kourier-system), net-contour's Envoy
     * (contour-external). The generated policies admit the namespace; these name its pods.
     */
    static final Map<String, Map<String, String>> GATEWAY_LABELS = Map.of(
            "istio", Map.of("istio", "ingressgateway"),
            "kourier", Map.of("app", "3scale-kourier-gateway"),
            "contour", Map.of("app", "envoy"));

    /** The cloud metadata address; no workload pod may reach it (it hands out node credentials). */
    static final String METADATA_ADDRESS = "169.254.169.254";

    /**
     * An address standing for the Kubernetes API server (TEST-NET-1): no pod or namespace selector
     * matches it, and NetworkPolicy sees the apiserver's own address and port after the
     * {@code kubernetes} Service's is translated, so a client needs both ports to any address.
     */
    static final String APISERVER_ADDRESS = "192.0.2.1";

    /** The {@code kubernetes} Service's port and kube-apiserver's default secure port. */
    static final List<Integer> APISERVER_PORTS = List.of(443, 6443);

    /** The annotation by which cert-manager's ingress-shim makes an Ingress's TLS Secrets from a ClusterIssuer. */
    static final String CLUSTER_ISSUER = "cert-manager.io/cluster-issuer";

    /** What tenancy's kinds and the Ingresses of any engine need installed, with the environment's cluster facts. */
    static List<Requirement> requirements(Spec.Cluster cluster) {
        return List.of(
                new Requirement(List.of("external-secrets.io/ExternalSecret"), "External Secrets Operator",
                        "v0.17 or later (external-secrets.io/v1)", "externalsecrets.external-secrets.io", "external-secrets",
                        "the secret store the spec names"),
                new Requirement(List.of("networking.k8s.io/Ingress"), "an ingress controller", "any", "",
                        cluster.ingress().namespace(), "IngressClass " + cluster.ingress().className()),
                new Requirement(List.of("networking.k8s.io/NetworkPolicy"), "a CNI that enforces NetworkPolicy",
                        "any", "", "", "Calico, Cilium or another enforcing plugin"));
    }

    /** The extended resource the pods ask GPUs by. */
    static final String GPU = "nvidia.com/gpu";

    /** What pods asking for GPUs need, whichever engine runs them: a device plugin that advertises them. */
    static final Requirement GPU_DEVICE_PLUGIN = new Requirement(List.of(), "NVIDIA device plugin (or GPU Operator)",
            "any", "", "", "the GPU nodes advertise " + GPU + " (and carry the taint the pods tolerate)");

    /** The device plugin when one of the workloads' containers asks for a GPU; none otherwise. */
    static List<Requirement> gpus(List<Workloads.Workload> workloads) {
        for (Workloads.Workload workload : workloads) {
            for (Workloads.PodGroup group : workload.groups()) {
                for (Workloads.Container container : group.containers()) {
                    JsonNode resources = container.node().path("resources");
                    if (resources.path("limits").has(GPU) || resources.path("requests").has(GPU)) {
                        return List.of(GPU_DEVICE_PLUGIN);
                    }
                }
            }
        }
        return List.of();
    }

    /**
     * What the TLS of an Ingress needs: with cert-manager's annotation, cert-manager and the
     * ClusterIssuer it names; without, each Secret {@code tls[].secretName} in the namespace, made
     * by someone else before the Ingress serves HTTPS (the controller serves its default
     * certificate until then). Nothing for other objects.
     */
    static List<Requirement> certificates(TypedObject object, String namespace) {
        if (!object.key().kind().equals("Ingress") || object.manifest().path("spec").path("tls").isEmpty()) {
            return List.of();
        }
        List<String> ingress = List.of("networking.k8s.io/Ingress");
        String issuer = object.manifest().path("metadata").path("annotations").path(CLUSTER_ISSUER).asString("");
        if (!issuer.isEmpty()) {
            return List.of(new Requirement(ingress, "cert-manager", "v1.x (cert-manager.io/v1, ingress-shim)",
                    "certificates.cert-manager.io, clusterissuers.cert-manager.io", "cert-manager",
                    "ClusterIssuer " + issuer));
        }
        List<Requirement> secrets = new ArrayList<>();
        for (JsonNode tls : object.manifest().path("spec").path("tls")) {
            List<String> hosts = new ArrayList<>();
            tls.path("hosts").forEach(host -> hosts.add(host.asString("")));
            secrets.add(new Requirement(ingress, "TLS Secret " + tls.path("secretName").asString(""), "kubernetes.io/tls", "",
                    namespace, "a certificate for " + String.join(", ", hosts)
                            + " made before the sync, or set spec.cluster.tls.issuer for cert-manager to make it"));
        }
        return secrets;
    }
}
