package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serving engine {@code kserve}: per served model an InferenceService (serving.kserve.io/v1beta1)
 * in KServe's Knative mode.
 *
 * <p>Why Knative, for every model and environment: {@code canaryTrafficPercent} is implemented by
 * the Knative reconciler only (Standard mode has no traffic split of its own), and the
 * {@code concurrency} and {@code rps} scale metrics are Knative's autoscaler's, while Standard
 * mode's HPA reads only cpu and memory. One mode everywhere, so dev runs what prod runs; a mode
 * that changed with the canary would move the model between two kinds of Deployments on promotion.
 *
 * <p>Hosts: Knative makes the routes, with hosts from the cluster's domain template; a spec's
 * {@code ingress.host} cannot be set per object, so it is reported (a warning) for the platform
 * team, and no Ingress is emitted.
 *
 * <p>Metrics: Knative's queue-proxy in every predictor pod serves them on port 9091, named
 * {@code http-usermetric} on the revision's private Service. Up to Knative Serving 1.18 (OpenCensus):
 * {@code revision_app_request_latencies} (a histogram in milliseconds) and
 * {@code revision_app_request_count} (with {@code response_code_class}), by {@code service_name},
 * the predictor's Knative Service {@code <isvc>-predictor} (knative.dev, "Service metrics"). From
 * 1.19 (OpenTelemetry): {@code kn.serving.invocation.duration} (a histogram in seconds, with
 * {@code http.response.status_code}), by {@code kn.service.name}; in Prometheus
 * {@code kn_serving_invocation_duration_seconds_*} (knative.dev, "Knative Serving Metrics"; the
 * first 1.19 releases called it {@code kn.queueproxy.app.duration}, renamed in knative/serving#16290).
 * Which names apply is {@code spec.cluster.knative.version}'s.
 *
 * <p>Logging: a model whose quality is watched ({@code spec.monitoring.quality.<model>}, logging on)
 * gets {@code predictor.logger} ({@code mode: all}, {@code url}: its drift detector's Service), the
 * field KServe's LoggerSpec has on each component; KServe's webhook then adds its {@code agent}
 * container to the predictor pod, which sends each request and response as a CloudEvent.
 */
final class KServeServing implements ServingEngine {

    static final String DEPLOYMENT_MODE = "Knative";
    /**
     * Knative's queue-proxy ports (knative/serving pkg/apis/networking/ports.go), the one copy:
     * every request enters the pod on 8012 (the activator's, the gateways'; the model server's 8080
     * is behind it), the activator probes the admin port 8022, the autoscaler scrapes 9090, and
     * Prometheus the user metrics on 9091 (named http-usermetric on the revision's Service).
     */
    static final int QUEUE_PROXY_PORT = 8012;
    static final int QUEUE_PROXY_ADMIN_PORT = 8022;
    static final int AUTOSCALER_METRICS_PORT = 9090;
    static final int USER_METRICS_PORT = 9091;
    static final String USER_METRICS_PORT_NAME = "http-usermetric";
    /**
     * The emptyDir a registered model is fetched into: KServe's own name for a multi-model
     * predictor's model folder. A predictor whose model has no storageUri (and no extra containers)
     * is multi-model to KServe ({@code IsMMSPredictor}): its pod webhook adds the puller agent and
     * mounts the volume of this name at /mnt/models into kserve-container, reusing a volume the
     * pod already has by that name ({@code mountModelDir}, {@code appendVolume} in
     * agent_injector.go). So the fetched files are what kserve-container reads, and the predictor
     * mounts the volume itself only when it has extra containers (then KServe counts it single-model
     * and the webhook mounts nothing; a second mount at /mnt/models would make the pod invalid).
     */
    static final String MODEL_DIR_VOLUME = "model-dir";
    /** The model server's port in KServe's runtimes. */
    static final int MODEL_PORT = 8080;
    /** The open inference protocol's readiness path, which KServe's model servers answer for either protocol. */
    static final String HEALTH_READY = "/v2/health/ready";

    private static final Metrics METRICS = new Metrics(USER_METRICS_PORT_NAME, USER_METRICS_PORT,
            "histogram_quantile(0.99, sum by (namespace, le) (rate(revision_app_request_latencies_bucket{%2$sservice_name=\"%1$s-predictor\"}[5m]))) / 1000",
            "sum by (namespace) (rate(revision_app_request_count{%2$sservice_name=\"%1$s-predictor\", response_code_class=\"5xx\"}[5m]))"
                    + " / sum by (namespace) (rate(revision_app_request_count{%2$sservice_name=\"%1$s-predictor\"}[5m]))",
            "revision_app_request_count{%2$sservice_name=\"%1$s-predictor\"}");

    private static final Metrics OPEN_TELEMETRY_METRICS = new Metrics(USER_METRICS_PORT_NAME, USER_METRICS_PORT,
            "histogram_quantile(0.99, sum by (namespace, le) (rate(kn_serving_invocation_duration_seconds_bucket{%2$skn_service_name=\"%1$s-predictor\"}[5m])))",
            "sum by (namespace) (rate(kn_serving_invocation_duration_seconds_count{%2$skn_service_name=\"%1$s-predictor\", http_response_status_code=~\"5..\"}[5m]))"
                    + " / sum by (namespace) (rate(kn_serving_invocation_duration_seconds_count{%2$skn_service_name=\"%1$s-predictor\"}[5m]))",
            "kn_serving_invocation_duration_seconds_count{%2$skn_service_name=\"%1$s-predictor\"}");

    /** The InferenceService owns its count; KServe makes the Deployment (or Knative revision) from it. */
    private static final ProductionFacts PRODUCTION = new ProductionFacts(Set.of("InferenceService"),
            List.of(new ProductionFacts.ReplicaCount("InferenceService", "/spec/predictor/minReplicas", false)));

    /** Knative Serving's control plane namespace (activator, autoscaler). */
    static final String KNATIVE_NAMESPACE = "knative-serving";

    /** The namespace of the networking layer's gateway, as the contract names it: the environment's spec.cluster fact. */
    static final String GATEWAY_NAMESPACE = "spec.cluster.knative.namespace";

    /**
     * Knative Serving (pkg/reconciler/revision/resources/queue.go) adds the container
     * {@code queue-proxy} to every pod of a revision: requests.cpu 25m (config-deployment's
     * {@code queue-sidecar-cpu-request} default), no other request or limit unless the cluster sets
     * them (then the namespace's LimitRange defaults apply), and a restricted securityContext.
     */
    private static final RuntimeContract.Injected QUEUE_PROXY = new RuntimeContract.Injected("queue-proxy",
            "Knative Serving", false, "InferenceService", "set queue-sidecar-* in Knative's config-deployment ConfigMap",
            queueProxy(), false);

    /**
     * KServe's webhook (pkg/webhook/admission/pod, the agent injector) adds the container
     * {@code agent} to a predictor pod whose component has {@code logger}: it sends each request and
     * response as a CloudEvent to the logger's URL. It adds it too, as the model puller, to a
     * multi-model predictor (a registered model's, see {@link #MODEL_DIR_VOLUME}). Its resources are inferenceservice-config's
     * {@code agent} defaults (requests 100m and 100Mi, limits 1 CPU and 1Gi); its securityContext
     * is the model container's, so the function step writes it per pod.
     */
    static final RuntimeContract.Injected AGENT = new RuntimeContract.Injected("agent", "KServe", false, "",
            "set agent.cpuRequest, memoryRequest, cpuLimit and memoryLimit in KServe's inferenceservice-config ConfigMap",
            null, false);

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            // the stores' policy lists its ports in this order
            Addresses.withConnections(new RuntimeContract.Connection(RuntimeContract.PeerKind.EXTERNAL,
                    "object store", RenderContext.HTTPS_PORT, "the storage-initializer downloads model.storageUri",
                    "model.storageUri").inPolicy(ContractPolicies.STORES),
                    RenderContext.ONLINE_STORE.inPolicy(ContractPolicies.STORES), RegistryFetch.CONNECTION,
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, Stage.MONITORING.folder(),
                            ModelQuality.HTTP_PORT, "KServe's agent posts the logged requests and responses to the drift detector",
                            "spec.monitoring.quality.<model>.logging"), AuthProxy.IDENTITY_PROVIDER),
            List.of(new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", QUEUE_PROXY_PORT,
                            "clients in the namespace, through queue-proxy"),
                    RuntimeContract.Connection.namespacePods(KNATIVE_NAMESPACE, Map.of("app", "activator"),
                            QUEUE_PROXY_PORT, "Knative's activator"),
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE, GATEWAY_NAMESPACE,
                            QUEUE_PROXY_PORT, "the networking layer's gateway"),
                    RuntimeContract.Connection.namespacePods(KNATIVE_NAMESPACE, Map.of("app", "activator"),
                            QUEUE_PROXY_ADMIN_PORT, "Knative's probes"),
                    RuntimeContract.Connection.namespacePods(KNATIVE_NAMESPACE, Map.of("app", "autoscaler"),
                            AUTOSCALER_METRICS_PORT, "Knative's autoscaler"),
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE,
                            PrometheusMonitoring.MONITORING_NAMESPACE, USER_METRICS_PORT, "Prometheus", "spec.monitoring")),
            // KServe's storage-initializer is declared, not modeled: its resources and securityContext come from
            // the cluster's inferenceservice-config
            // and its agent beside a logger and as a multi-model predictor's puller, written by the function step
            List.of(new RuntimeContract.Injected("storage-initializer", "KServe", true), QUEUE_PROXY, AGENT),
            // Knative validates the predictor's pod against its feature flags (config-features, knative.dev "Feature and
            // extension flags"): all are disabled by default; KServe's own storage-initializer is added past that
            // validation by KServe's pod webhook, so a storageUri needs neither
            List.of(new RuntimeContract.Setting("Knative Serving: init containers", KNATIVE_NAMESPACE,
                            "config-features kubernetes.podspec-init-containers: enabled (the fetch-model init container of a registered model)",
                            "serving.kserve.io/InferenceService", "/spec/predictor/initContainers"),
                    new RuntimeContract.Setting("Knative Serving: pod securityContext", KNATIVE_NAMESPACE,
                            "config-features kubernetes.podspec-securitycontext: enabled (the predictor's pod-level runAsUser,"
                                    + " runAsGroup, runAsNonRoot and seccompProfile, which Pod Security restricted asks for)",
                            "serving.kserve.io/InferenceService", "/spec/predictor/securityContext"),
                    new RuntimeContract.Setting("Knative Serving: multi-container", KNATIVE_NAMESPACE,
                            "config-features multi-container: enabled, Knative's default (the auth-proxy beside the model of"
                                    + " auth.type oauth2-proxy); multi-container-probing is not needed",
                            "serving.kserve.io/InferenceService", "/spec/predictor/containers"),
                    new RuntimeContract.Setting("Knative Serving: tolerations", KNATIVE_NAMESPACE,
                            "config-features kubernetes.podspec-tolerations: enabled (the GPU toleration of a predictor)",
                            "serving.kserve.io/InferenceService", "/spec/predictor/tolerations")),
            Map.of("serving.kserve.io/InferenceService", RuntimeContract.Scaling.REPLICAS),
            Map.of("http", QUEUE_PROXY_PORT, USER_METRICS_PORT_NAME, USER_METRICS_PORT));

    /** The queue-proxy container as Knative writes it, for the quota and admission checks. */
    private static JsonNode queueProxy() {
        ObjectNode container = KubeYaml.newObject();
        container.put("name", "queue-proxy");
        container.putObject("resources").putObject("requests").put("cpu", "25m");
        ObjectNode security = container.putObject("securityContext");
        security.put("allowPrivilegeEscalation", false);
        security.put("readOnlyRootFilesystem", true);
        security.put("runAsNonRoot", true);
        security.putObject("capabilities").putArray("drop").add("ALL");
        security.putObject("seccompProfile").put("type", "RuntimeDefault");
        return container;
    }

    @Override
    public String name() {
        return "kserve";
    }

    @Override
    public String folder() {
        return "serving/kserve";
    }

    @Override
    public List<String> templates() {
        return List.of("inferenceservice.yaml.ftl", "pdb.yaml.ftl", "requestauthentication.yaml.ftl",
                "authorizationpolicy.yaml.ftl", "auth-emails.yaml.ftl");
    }

    @Override
    public Optional<Class<? extends Record>> specRecord() {
        return Optional.of(ServingFields.KServe.class);
    }

    @Override
    public int port(Spec.ServingModel serving) {
        return MODEL_PORT;
    }

    @Override
    public Metrics metrics() {
        return METRICS;
    }

    /** Knative Serving 1.19 and later export OpenTelemetry's names; earlier releases OpenCensus's. */
    @Override
    public Metrics metrics(Spec.Cluster cluster) {
        return cluster.knative().openTelemetryMetrics() ? OPEN_TELEMETRY_METRICS : METRICS;
    }

    @Override
    public ProductionFacts production() {
        return PRODUCTION;
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    /** KServe in Knative mode with Knative Serving and its networking layer; Istio's jwt objects when a model asks. */
    @Override
    public List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        String layer = cluster.knative().networking();
        String layerNamespace = cluster.knative().namespace();
        return List.of(new RuntimeContract.Requirement(List.of("serving.kserve.io/InferenceService"),
                        "KServe (Knative mode) with Knative Serving",
                        "KServe v0.16 or later (deploymentMode Knative), Knative Serving " + cluster.knative().version(),
                        "inferenceservices.serving.kserve.io", KNATIVE_NAMESPACE + ", " + layerNamespace,
                        "Knative's networking layer " + layer + " with its gateways in " + layerNamespace),
                JwtAuth.istio(cluster));
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        ByEngine.served(context, name()).forEach((model, serving) -> {
            // the author may waive it, with a reason, when the cluster's domain template is set for the host
            if (serving.ingress() != null && !serving.waivers().containsKey(Code.RENDER_KSERVE_HOST.id())) {
                findings.add(context.environment().locator().finding(Code.RENDER_KSERVE_HOST,
                        ByEngine.servedSource(model) + "/ingress/host",
                        Code.RENDER_KSERVE_HOST.message(model, serving.ingress().host(),
                                serving.ingress().tls() ? ", with a certificate for it in the gateway" : "")));
            }
            models.add(new ItemModel(ByEngine.servedSource(model), Map.of("model", view(context, model, serving))));
        });
        return models;
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        // from the contract: where requests come from in Knative mode (the activator and the networking layer's
        // gateway), and what else Knative's control plane opens (the activator's probes, the autoscaler's scrape)
        List<String> dataPlane = new ArrayList<>();
        List<Integer> controlPorts = new ArrayList<>();
        for (RuntimeContract.Connection accepted : CONTRACT.accepts()) {
            if (accepted.peer() != RuntimeContract.PeerKind.NAMESPACE) {
                continue;
            }
            if (accepted.port() == QUEUE_PROXY_PORT) {
                dataPlane.add(ContractPolicies.namespace(context, accepted.name()));
            } else if (accepted.name().equals(KNATIVE_NAMESPACE) && !controlPorts.contains(accepted.port())) {
                controlPorts.add(accepted.port());
            }
        }
        ByEngine.served(context, name()).keySet().forEach(model -> {
            allows.add(new TenancyNeeds.Allow(context.objectName(model + "-allow-http"), context.objectName(model),
                    QUEUE_PROXY_PORT, false, dataPlane));
            allows.add(new TenancyNeeds.Allow(context.objectName(model + "-allow-knative"), context.objectName(model),
                    controlPorts, List.of(), false, List.of(KNATIVE_NAMESPACE), false));
        });
        if (allows.isEmpty()) {
            return TenancyNeeds.NONE;
        }
        allows.addAll(ContractPolicies.opened(context, stage(), CONTRACT));
        // the storage-initializer in each predictor pod downloads the model (and the explainer may read Redis);
        // an auth-proxy signs users in at the identity provider
        List<TenancyNeeds.Egress> egress = new ArrayList<>(ContractPolicies.egress(context, stage(),
                ContractPolicies.STORES, CONTRACT, connection -> List.of()).stream().toList());
        egress.addAll(ServingAuth.egress(context, ByEngine.served(context, name()), CONTRACT));
        return new TenancyNeeds(List.of(DeploymentServing.WORKLOAD), allows, List.of(), egress);
    }

    private static InferenceView view(RenderContext context, String model, Spec.ServingModel serving) {
        String name = context.objectName(model);
        Spec.Resources resources = serving.resources() == null ? DeploymentServing.DEFAULT_RESOURCES : serving.resources();
        Spec.Replicas replicas = serving.replicas();
        Spec.Autoscaling autoscaling = serving.autoscaling();
        ServingFields.KServe.Canary canary = serving.own(ServingFields.KServe.class).canary();
        return new InferenceView(name, context.labels(Stage.SERVING, name),
                RegistryFetch.podLabels(JwtAuth.podLabels(context.podLabels(Stage.SERVING, name), serving.auth()), serving),
                DEPLOYMENT_MODE, context.objectName(DeploymentServing.WORKLOAD),
                serving.model().format(), serving.model().storageUri(),
                replicas == null ? null : replicas.min(), replicas == null ? null : replicas.max(),
                autoscaling == null ? null : autoscaling.metric(), autoscaling == null ? null : autoscaling.target(),
                canary == null ? null : canary.trafficPercent(),
                Addresses.env(context), resources.cpu(), resources.memory(), resources.gpu(), MODEL_PORT,
                JwtAuth.view(name, serving.auth()),
                RegistryFetch.of(context, serving, MODEL_DIR_VOLUME, RegistryFetch.MOUNT, RegistryFetch.MOUNT),
                ModelQuality.sinkUrl(context, model).orElse(null), proxy(context, name, serving));
    }

    /**
     * The oauth2-proxy of {@code auth.type: oauth2-proxy}, as the predictor's one serving container:
     * KServe appends a predictor's {@code containers} after {@code kserve-container} when
     * {@code model} is given (components/predictor.go, {@code buildPodSpec}), Knative sends every
     * request to the one container with a port, and the model, without a port or probes of its own,
     * listens beside it on 127.0.0.1:8080. Its readiness is the model's {@code /v2/health/ready}
     * through the proxy. The check step refuses the model where request logging would add KServe's
     * agent, which would take the queue-proxy's traffic past the proxy; null without a proxy.
     */
    private static AuthProxy.View proxy(RenderContext context, String name, Spec.ServingModel serving) {
        AuthProxy.View proxy = ServingAuth.of(context, name, serving, MODEL_PORT).proxy();
        return proxy == null ? null : proxy.behindKnative(HEALTH_READY);
    }

    /**
     * One InferenceService as the template sees it. Nullable: the replica bounds, the scale
     * metric and target (KServe's defaults apply), {@code canaryPercent}, {@code gpu}, {@code jwt}
     * (null unless Istio checks a token), {@code storageUri} (null for a registered model),
     * {@code fetch} (the init container of a registered model, null for a stored one),
     * {@code loggerUrl} (null unless the model's quality is watched with logging) and {@code proxy}
     * (null unless an oauth2-proxy is the predictor's serving container).
     */
    public record InferenceView(String name, Map<String, String> labels, Map<String, String> podLabels,
                                String deploymentMode, String serviceAccount, String format, String storageUri,
                                Integer minReplicas, Integer maxReplicas, String scaleMetric, Integer scaleTarget,
                                Integer canaryPercent, List<DeploymentServing.EnvView> env, String cpu, String memory,
                                String gpu, int port, JwtAuth.View jwt, RegistryFetch.View fetch, String loggerUrl,
                                AuthProxy.View proxy) {}
}
