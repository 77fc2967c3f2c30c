package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.model.Spec;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime contract data of the engines, in one table: which cluster components must reach a
 * workload (and on which ports), what operators inject into its pods, which stores its pods open,
 * and which operators, CRDs and controller settings the tree needs. This is the data that moves
 * onto the engine descriptors when they land (the architecture issue); until then the function
 * step reads it from here and nothing else repeats it. Each fact names its upstream source.
 */
final class Contracts {

    private Contracts() {
    }

    /** Where cluster DNS answers: CoreDNS/kube-dns's documented namespace and label. */
    static final Peer KUBE_DNS = Peer.cluster("kube-system", Map.of("k8s-app", "kube-dns"));

    /**
     * Knative Serving's control plane: the activator and the autoscaler run here. The ingress
     * controller's, the networking layer's and Prometheus's namespaces are the environment's
     * {@code spec.cluster} facts.
     */
    static final String KNATIVE_NAMESPACE = "knative-serving";

    /**
     * The labels of each Knative networking layer's gateway pods: Istio's ingressgateway
     * (istio-system), net-kourier's 3scale-kourier-gateway (kourier-system), net-contour's Envoy
     * (contour-external). The generated policies admit the namespace; these name its pods.
     */
    static final Map<String, Map<String, String>> GATEWAY_LABELS = Map.of(
            "istio", Map.of("istio", "ingressgateway"),
            "kourier", Map.of("app", "3scale-kourier-gateway"),
            "contour", Map.of("app", "envoy"));

    /**
     * Knative's queue-proxy ports (knative/serving pkg/apis/networking/ports.go): 8012 the HTTP
     * proxy (activator, gateways), 8022 the admin port (probes), 9090 the autoscaler's metrics,
     * 9091 the user metrics Prometheus scrapes (named http-usermetric on the revision's Service).
     */
    static final int QUEUE_PROXY_HTTP = 8012;
    static final int QUEUE_PROXY_ADMIN = 8022;
    static final int AUTOSCALER_METRICS = 9090;
    static final int USER_METRICS = 9091;
    static final Map<String, Integer> KNATIVE_NAMED_PORTS = Map.of("http-usermetric", USER_METRICS,
            "http", QUEUE_PROXY_HTTP);

    /**
     * A distributed job's ranks talk NCCL and Gloo on ephemeral ports besides the rendezvous port;
     * the reachability check tries these as representatives of "any port".
     */
    static final List<Integer> RANK_PORTS = List.of(23456, 29500, 45000);

    /** An address outside the cluster standing for an object store, a database or Redis (TEST-NET-3). */
    static final String STORE_ADDRESS = "203.0.113.10";

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

    /** HTTPS: S3, GCS and Azure Blob endpoints, and https:// model URIs. */
    static final int HTTPS = 443;

    /** Redis's default port, for the online store and an explainer given its secret. */
    static final int REDIS = 6379;

    /** A container an operator adds to a pod, as the operator writes it. */
    record Injected(String name, boolean init, String operator, String fix) {}

    /**
     * Argo Workflows (workflow/controller/workflowpod.go, newExecContainer): every pod of a
     * container or script template gets the init container {@code init} and the container
     * {@code wait}, whose securityContext comes only from the controller's
     * {@code executor.securityContext}; a template's {@code podSpecPatch} is merged over the pod by
     * container name, so the blueprint sets it there.
     */
    static final List<Injected> ARGO_EXECUTOR = List.of(
            new Injected("init", true, "Argo Workflows", Fixes.ARGO),
            new Injected("wait", false, "Argo Workflows", Fixes.ARGO));

    private static final class Fixes {
        static final String ARGO = "give the template a podSpecPatch with a restricted securityContext for"
                + " 'init' and 'wait' (as the built-in blueprint does), or set executor.securityContext in the"
                + " workflow-controller-configmap";
    }

    /**
     * Training Operator v1 (pkg/controller.v1/pytorch/initcontainer.go): a PyTorchJob with a Master
     * gets the init container {@code init-pytorch} appended to every Worker, from the controller's
     * template ({@code --pytorch-init-container-template-file}) or a built-in one without a
     * securityContext. A pod cannot pre-empt it (a second container of that name is invalid), so
     * the controller setting is the fix.
     */
    static final Injected PYTORCH_INIT = new Injected("init-pytorch", true, "Kubeflow Training Operator",
            "mount an init container template with a restricted securityContext into the training-operator"
                    + " and pass --pytorch-init-container-template-file (see PREREQUISITES.md)");

    /**
     * Knative Serving (pkg/reconciler/revision/resources/queue.go) adds the container
     * {@code queue-proxy} to every pod of a revision: requests.cpu 25m (config-deployment's
     * {@code queue-sidecar-cpu-request} default), no other request or limit unless the cluster sets
     * them (then the namespace's LimitRange defaults apply), and a restricted securityContext.
     */
    static final Injected QUEUE_PROXY = new Injected("queue-proxy", false, "Knative Serving",
            "set queue-sidecar-* in Knative's config-deployment ConfigMap");

    /** The queue-proxy container as Knative writes it, for the quota and admission checks. */
    static JsonNode queueProxy() {
        ObjectNode container = KubeYaml.newObject();
        container.put("name", QUEUE_PROXY.name());
        container.putObject("resources").putObject("requests").put("cpu", "25m");
        ObjectNode security = container.putObject("securityContext");
        security.put("allowPrivilegeEscalation", false);
        security.put("readOnlyRootFilesystem", true);
        security.put("runAsNonRoot", true);
        security.putObject("capabilities").putArray("drop").add("ALL");
        security.putObject("seccompProfile").put("type", "RuntimeDefault");
        return container;
    }

    /**
     * KServe's webhook (pkg/webhook/admission/pod, the agent injector) adds the container
     * {@code agent} to a predictor pod whose component has {@code logger}: it sends each request and
     * response as a CloudEvent to the logger's URL. Its resources are inferenceservice-config's
     * {@code agent} defaults (requests 100m and 100Mi, limits 1 CPU and 1Gi); its securityContext
     * is the model container's.
     */
    static final Injected KSERVE_AGENT = new Injected("agent", false, "KServe",
            "set agent.cpuRequest, memoryRequest, cpuLimit and memoryLimit in KServe's inferenceservice-config ConfigMap");

    /** The agent container as KServe writes it beside {@code model}, for the quota and admission checks. */
    static JsonNode kserveAgent(JsonNode model) {
        ObjectNode container = KubeYaml.newObject();
        container.put("name", KSERVE_AGENT.name());
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", "100m").put("memory", "100Mi");
        resources.putObject("limits").put("cpu", "1").put("memory", "1Gi");
        if (model.has("securityContext")) {
            container.set("securityContext", model.get("securityContext").deepCopy());
        }
        return container;
    }

    /** What a kind of object needs installed in the cluster. */
    record Requirement(String component, String version, String crd, String namespace, String settings) {}

    /**
     * The prerequisites by API group and kind, with the namespaces and settings of the
     * environment's cluster facts; versions from the apiVersions and fields the blueprints use
     * (shared/reference/stage-reference.md).
     */
    static Map<String, Requirement> requirements(Spec.Cluster cluster) {
        String layer = cluster.knative().networking();
        String layerNamespace = cluster.knative().namespace();
        return Map.ofEntries(
            Map.entry("argoproj.io/WorkflowTemplate", new Requirement("Argo Workflows", "v3.6 or later (CronWorkflow schedules)",
                    "workflowtemplates.argoproj.io, cronworkflows.argoproj.io", "the controller watching the namespace",
                    "executor image runs non-root (the blueprint's podSpecPatch makes init and wait restricted)")),
            Map.entry("kubeflow.org/PyTorchJob", new Requirement("Kubeflow Training Operator", "v1 (release-1.9)",
                    "pytorchjobs.kubeflow.org", "kubeflow",
                    "--pytorch-init-container-template-file with a restricted securityContext for init-pytorch"
                            + " (Pod Security restricted rejects the built-in one)")),
            Map.entry("serving.kserve.io/InferenceService", new Requirement("KServe (Knative mode) with Knative Serving",
                    "KServe v0.16 or later (deploymentMode Knative), Knative Serving " + cluster.knative().version(),
                    "inferenceservices.serving.kserve.io", KNATIVE_NAMESPACE + ", " + layerNamespace,
                    "Knative's networking layer " + layer + " with its gateways in " + layerNamespace)),
            Map.entry("monitoring.coreos.com/ServiceMonitor", new Requirement("Prometheus Operator", "serving monitoring.coreos.com/v1",
                    "servicemonitors.monitoring.coreos.com, prometheusrules.monitoring.coreos.com",
                    cluster.monitoring().namespace(), "Prometheus selects ServiceMonitors and PrometheusRules labelled "
                            + labels(cluster.monitoring().prometheusLabels()))),
            Map.entry("external-secrets.io/ExternalSecret", new Requirement("External Secrets Operator", "v0.17 or later (external-secrets.io/v1)",
                    "externalsecrets.external-secrets.io", "external-secrets",
                    "the secret store the spec names")),
            Map.entry("security.istio.io/RequestAuthentication", new Requirement("Istio (sidecar mode) with istio-cni",
                    "1.22 or later (security.istio.io/v1)", "requestauthentications.security.istio.io, authorizationpolicies.security.istio.io",
                    "istio".equals(layer) ? layerNamespace : "istio-system",
                    "sidecar injection by the pod label sidecar.istio.io/inject; istio-cni, as Pod Security restricted refuses istio-init's NET_ADMIN;"
                            + " with kserve, knative-serving's activator in the mesh too")),
            Map.entry("networking.k8s.io/Ingress", new Requirement("an ingress controller", "any", "",
                    cluster.ingress().namespace(), "IngressClass " + cluster.ingress().className())),
            Map.entry("networking.k8s.io/NetworkPolicy", new Requirement("a CNI that enforces NetworkPolicy",
                    "any", "", "", "Calico, Cilium or another enforcing plugin")));
    }

    /** The annotation by which cert-manager's ingress-shim makes an Ingress's TLS Secrets from a ClusterIssuer. */
    static final String CLUSTER_ISSUER = "cert-manager.io/cluster-issuer";

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
        String issuer = object.manifest().path("metadata").path("annotations").path(CLUSTER_ISSUER).asString("");
        if (!issuer.isEmpty()) {
            return List.of(new Requirement("cert-manager", "v1.x (cert-manager.io/v1, ingress-shim)",
                    "certificates.cert-manager.io, clusterissuers.cert-manager.io", "cert-manager",
                    "ClusterIssuer " + issuer));
        }
        List<Requirement> secrets = new ArrayList<>();
        for (JsonNode tls : object.manifest().path("spec").path("tls")) {
            List<String> hosts = new ArrayList<>();
            tls.path("hosts").forEach(host -> hosts.add(host.asString("")));
            secrets.add(new Requirement("TLS Secret " + tls.path("secretName").asString(""), "kubernetes.io/tls", "",
                    namespace, "a certificate for " + String.join(", ", hosts)
                            + " made before the sync, or set spec.cluster.tls.issuer for cert-manager to make it"));
        }
        return secrets;
    }

    private static String labels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "(none: Prometheus selects every one)";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(labels).forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key)
                .append(": ").append(value));
        return text.toString();
    }
}
