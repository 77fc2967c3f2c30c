package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * Serving engine {@code deployment}: per served model a Deployment, its Service, a
 * HorizontalPodAutoscaler that owns the replica count, a PodDisruptionBudget and, where asked, an
 * Ingress.
 *
 * <p>Metrics: the model server is assumed to serve the Prometheus client conventions on its
 * {@code http} port at {@code /metrics}: {@code http_request_duration_seconds} (a histogram in
 * seconds) and {@code http_requests_total} with the status in {@code code}; the ServiceMonitor's
 * job label is the Service's name.
 */
final class DeploymentServing implements ServingEngine {

    static final int DEFAULT_PORT = 8080;
    /** The workload kind, and so the ServiceAccount {@code <project>-serving}. */
    static final String WORKLOAD = "serving";

    // what a model gets when the spec leaves it out; the LimitRange would otherwise fill in
    static final Spec.Resources DEFAULT_RESOURCES = new Spec.Resources("500m", "512Mi", null);
    private static final Spec.Replicas DEFAULT_REPLICAS = new Spec.Replicas(1, 1);
    private static final Spec.Autoscaling DEFAULT_AUTOSCALING = new Spec.Autoscaling("cpu", 80);

    private static final Metrics METRICS = new Metrics("http", 0,
            "histogram_quantile(0.99, sum by (namespace, le) (rate(http_request_duration_seconds_bucket{%2$sjob=\"%1$s\"}[5m])))",
            "sum by (namespace) (rate(http_requests_total{%2$sjob=\"%1$s\", code=~\"5..\"}[5m]))"
                    + " / sum by (namespace) (rate(http_requests_total{%2$sjob=\"%1$s\"}[5m]))",
            "http_requests_total{%2$sjob=\"%1$s\"}");

    /** The autoscaler owns the count; the Deployment's replicas count only where no autoscaler scales it. */
    static final ProductionFacts PRODUCTION = new ProductionFacts(Set.of("Deployment"), List.of(
            new ProductionFacts.ReplicaCount("HorizontalPodAutoscaler", "/spec/minReplicas", false),
            new ProductionFacts.ReplicaCount("Deployment", "/spec/replicas", true)));

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            Addresses.withConnections(RenderContext.ONLINE_STORE.inPolicy(ContractPolicies.STORES), AuthProxy.IDENTITY_PROVIDER,
                    RegistryFetch.CONNECTION),
            List.of(new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", 0,
                            "clients in the namespace, on the model's port"),
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.INGRESS_CONTROLLER, "", 0,
                            "the ingress controller, on the model's port", "ingress"),
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE,
                            PrometheusMonitoring.MONITORING_NAMESPACE, 0, "Prometheus, on the model's port",
                            "spec.monitoring")),
            List.of(),
            List.of(),
            Map.of("apps/Deployment", RuntimeContract.Scaling.REPLICAS));

    @Override
    public Optional<Class<? extends Record>> specRecord() {
        return Optional.of(ServingFields.Deployment.class);
    }

    @Override
    public int port(Spec.ServingModel serving) {
        Integer port = serving.own(ServingFields.Deployment.class).port();
        return port == null ? DEFAULT_PORT : port;
    }

    @Override
    public Metrics metrics() {
        return METRICS;
    }

    @Override
    public ProductionFacts production() {
        return PRODUCTION;
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    @Override
    public List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        return List.of(JwtAuth.istio(cluster), METRICS_SERVER);
    }

    /** What a HorizontalPodAutoscaler on CPU or memory reads its metrics from; vllm's autoscaling too. */
    static final RuntimeContract.Requirement METRICS_SERVER = new RuntimeContract.Requirement(
            List.of("autoscaling/HorizontalPodAutoscaler"), "metrics-server", "any (metrics.k8s.io/v1beta1)", "",
            "kube-system", "the HorizontalPodAutoscalers' CPU and memory targets read the resource metrics API");

    @Override
    public String name() {
        return "deployment";
    }

    @Override
    public String folder() {
        return "serving/deployment";
    }

    @Override
    public List<String> templates() {
        return List.of("deployment.yaml.ftl", "service.yaml.ftl", "hpa.yaml.ftl", "pdb.yaml.ftl", "ingress.yaml.ftl",
                "auth-emails.yaml.ftl", "requestauthentication.yaml.ftl", "authorizationpolicy.yaml.ftl");
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        mine(context).forEach((model, serving) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("model", view(context, model, serving, findings));
            models.add(new ItemModel("/serving/" + Locator.escape(model), data));
        });
        return models;
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        if (context.spec().serving().isEmpty()) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        // clients on the model's port (its proxy's with auth), from the contract's accepted connections
        mine(context).forEach((model, serving) -> ContractPolicies.inbound(context, model, "http", CONTRACT,
                ServingAuth.clientPort(serving, port(serving)), serving.ingress() != null).ifPresent(allows::add));
        // the models this engine runs may call the stores; tenancy keeps one policy per path if kserve asks too
        if (!allows.isEmpty()) {
            allows.addAll(ContractPolicies.opened(context, stage(), CONTRACT));
        }
        // a model given the online store's Secret talks to Redis; tenancy merges the stage's policy with kserve's
        boolean redis = mine(context).values().stream().anyMatch(serving -> readsRedis(context, serving));
        List<TenancyNeeds.Egress> egress = new ArrayList<>(ServingAuth.egress(context, mine(context), CONTRACT));
        if (redis) {
            ContractPolicies.egress(context, stage(), ContractPolicies.STORES, CONTRACT, connection -> List.of())
                    .ifPresent(egress::add);
        }
        return new TenancyNeeds(List.of(WORKLOAD), allows, List.of(), egress);
    }

    /** Whether a model reads the Secret of a Redis online store. */
    private static boolean readsRedis(RenderContext context, Spec.ServingModel serving) {
        Spec.FeatureStore store = context.spec().featureStore();
        if (store == null || store.onlineStore() == null || !"redis".equals(store.onlineStore().type())) {
            return false;
        }
        return serving.own(ServingFields.Deployment.class).secretEnv().values().stream()
                .anyMatch(ref -> ref.secret().equals(store.onlineStore().secret()));
    }

    /** The served models this engine renders, in file order. */
    private Map<String, Spec.ServingModel> mine(RenderContext context) {
        return ByEngine.served(context, name());
    }

    private ServingView view(RenderContext context, String model, Spec.ServingModel serving, Findings findings) {
        String name = context.objectName(model);
        Spec.Resources resources = serving.resources() == null ? DEFAULT_RESOURCES : serving.resources();
        Spec.Replicas replicas = serving.replicas() == null ? DEFAULT_REPLICAS : serving.replicas();
        Spec.Autoscaling autoscaling = serving.autoscaling() == null ? DEFAULT_AUTOSCALING : serving.autoscaling();
        String metric = autoscaling.metric();
        if (!"cpu".equals(metric) && !"memory".equals(metric)) {
            // a Resource metric is all a bare HPA can read; anything else needs a metrics adapter
            findings.add(context.environment().locator().finding(Code.RENDER_METRIC_UNSUPPORTED,
                    "/serving/" + Locator.escape(model) + "/autoscaling/metric",
                    Code.RENDER_METRIC_UNSUPPORTED.message(metric, model, name())));
            metric = null;
        }
        ServingFields.Deployment own = serving.own(ServingFields.Deployment.class);
        // the other stages' addresses first, as every workload gets them, then the model's own
        List<EnvView> env = new ArrayList<>(Addresses.env(context));
        own.env().forEach((key, value) -> env.add(new EnvView(key, value, null, null)));
        own.secretEnv().forEach((key, ref) -> env.add(new EnvView(key, null, context.secretName(ref.secret()), ref.key())));
        Spec.Ingress ingress = serving.ingress();
        ServingFields.Deployment.Health health = own.health();
        ServingAuth auth = ServingAuth.of(context, name, serving, port(serving));
        return new ServingView(
                name,
                context.labels(Stage.SERVING, name),
                RenderContext.selector(name),
                RegistryFetch.podLabels(auth.podLabels(), serving),
                context.objectName(WORKLOAD),
                context.environment().image(own.image()),
                own.args(),
                port(serving),
                env,
                resources.cpu(), resources.memory(), resources.gpu(),
                health == null ? null : health.liveness(),
                health == null ? null : health.readiness(),
                replicas.min(), replicas.max(),
                metric, autoscaling.target(),
                ingress == null ? null : ingress.host(),
                ingress != null && ingress.tls(),
                name + "-tls",
                auth.proxy(), auth.jwt(),
                RegistryFetch.of(context, serving, RegistryFetch.VOLUME, RegistryFetch.MOUNT, RegistryFetch.MOUNT));
    }

    /**
     * What the templates of one served model see; every value is already derived, so a template
     * only places it. Nullable: {@code gpu}, {@code liveness}, {@code readiness}, {@code metric}
     * (null when it cannot be expressed), {@code host} (null without ingress), {@code proxy} (null
     * without an oauth2-proxy in front), {@code jwt} (null unless Istio checks a token), {@code fetch}
     * (null unless the model is registered: then the server finds its files in /mnt/models).
     */
    public record ServingView(String name, Map<String, String> labels, Map<String, String> selector,
                              Map<String, String> podLabels, String serviceAccount, String image, List<String> args,
                              int port, List<EnvView> env, String cpu, String memory, String gpu, String liveness,
                              String readiness, int minReplicas, int maxReplicas, String metric, int target,
                              String host, boolean tls, String tlsSecret, AuthProxy.View proxy, JwtAuth.View jwt,
                              RegistryFetch.View fetch) {}

    /** One container env var: a plain {@code value}, or a key of the Secret {@code secret}. */
    public record EnvView(String name, String value, String secret, String key) {}
}
