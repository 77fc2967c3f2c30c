package dev.mlgitops.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.DeploymentServing.EnvView;
import dev.mlgitops.render.RuntimeContract.Connection;

/**
 * Serving engine {@code vllm}: per served model a Deployment running vLLM's OpenAI-compatible
 * server ({@code vllm serve <model>}, port 8000), its Service, a PodDisruptionBudget, an Ingress
 * where asked, and a HorizontalPodAutoscaler only when the spec asks for one (CPU says little
 * about a GPU-bound server, so scaling is the user's choice; without it the Deployment runs
 * {@code replicas.min}). The Service, budget, autoscaler and Ingress are made as engine
 * {@code deployment} makes them.
 *
 * <p>Where the model comes from ({@code model.storageUri}):
 * <ul>
 * <li>{@code hf://org/name}: vLLM downloads it from the Hugging Face Hub at start into
 * {@code HF_HOME}, a writable volume (the root filesystem is read-only); a gated model needs
 * {@code HF_TOKEN}, which the spec gives by {@code secretEnv}.</li>
 * <li>{@code s3://bucket/path}: an init container (KServe's storage-initializer, which reads the
 * {@code AWS_*} variables of {@code env}/{@code secretEnv}) downloads it into the same volume, and
 * vLLM serves the folder.</li>
 * <li>{@code pvc://claim/path}: the claim is mounted read-only and vLLM serves the folder.</li>
 * <li>{@code model.registered} instead: MLflow's client fetches the version into the same volume
 * ({@link RegistryFetch}), and vLLM serves the folder.</li>
 * </ul>
 * For a folder, the OpenAI API's model name is the served model's key ({@code --served-model-name});
 * for a Hub model it is the Hub's id. More than one GPU serves with tensor parallelism over all of
 * them unless {@code args} choose otherwise. {@code /dev/shm} is a memory volume (NCCL and
 * PyTorch's workers need more than the runtime's 64M); it counts against the memory limit.
 *
 * <p>Metrics: the server serves Prometheus metrics at {@code /metrics} on its own port:
 * {@code vllm:e2e_request_latency_seconds} (a histogram in seconds, from request arrival to the
 * last token) and {@code http_requests_total} (prometheus-fastapi-instrumentator, the status
 * grouped as {@code 2xx}..{@code 5xx} in {@code status}); the ServiceMonitor's job label is the
 * Service's name.
 */
final class VllmServing implements ServingEngine {

    /** {@code vllm serve}'s default port. */
    static final int DEFAULT_PORT = 8000;
    /** Downloads {@code s3://} models; the KServe version stage-reference 5a pins. */
    static final String DOWNLOADER_IMAGE = "kserve/storage-initializer:v0.20.0";
    /** The writable volume for Hub downloads ({@code HF_HOME}) and s3 downloads. */
    static final String CACHE_PATH = "/models";
    /** Where a {@code pvc://} claim is mounted. */
    static final String CLAIM_PATH = "/mnt/models";
    static final String SHM_SIZE = "2Gi";
    /** The writable volume at {@value #CACHE_PATH}. */
    static final String MODELS_VOLUME = "models";
    /** Where the init container of a registered model writes it (see {@link RegistryFetch}). */
    static final String REGISTERED_PATH = CACHE_PATH + "/registered";

    private static final Spec.Replicas DEFAULT_REPLICAS = new Spec.Replicas(1, 1);

    private static final Metrics METRICS = new Metrics("http", 0,
            "histogram_quantile(0.99, sum by (namespace, le) (rate(vllm:e2e_request_latency_seconds_bucket{%2$sjob=\"%1$s\"}[5m])))",
            "sum by (namespace) (rate(http_requests_total{%2$sjob=\"%1$s\", status=\"5xx\"}[5m]))"
                    + " / sum by (namespace) (rate(http_requests_total{%2$sjob=\"%1$s\"}[5m]))",
            "vllm:e2e_request_latency_seconds_count{%2$sjob=\"%1$s\"}");

    /** The egress policy of a model vLLM downloads, {@code <project>-<model>-to-model-store}. */
    private static final String MODEL_STORE = "model-store";

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            Addresses.withConnections(
                    new Connection(RuntimeContract.PeerKind.EXTERNAL, "Hugging Face Hub", 443, "vLLM downloads the model",
                            "model.storageUri: hf://").inPolicy(MODEL_STORE),
                    new Connection(RuntimeContract.PeerKind.EXTERNAL, "object store", 443,
                            "the download init container", "model.storageUri: s3://").inPolicy(MODEL_STORE),
                    AuthProxy.IDENTITY_PROVIDER, RegistryFetch.CONNECTION),
            List.of(new Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", 0, "clients in the namespace, on the model's port"),
                    new Connection(RuntimeContract.PeerKind.INGRESS_CONTROLLER, "", 0,
                            "the ingress controller, on the model's port", "ingress"),
                    new Connection(RuntimeContract.PeerKind.NAMESPACE, PrometheusMonitoring.MONITORING_NAMESPACE, 0,
                            "Prometheus, on the model's port", "spec.monitoring")),
            List.of(),
            List.of(),
            Map.of("apps/Deployment", RuntimeContract.Scaling.REPLICAS));

    @Override
    public String name() {
        return "vllm";
    }

    @Override
    public String folder() {
        return "serving/vllm";
    }

    @Override
    public List<String> templates() {
        return List.of("deployment.yaml.ftl", "service.yaml.ftl", "hpa.yaml.ftl", "pdb.yaml.ftl", "ingress.yaml.ftl",
                "auth-emails.yaml.ftl", "requestauthentication.yaml.ftl", "authorizationpolicy.yaml.ftl");
    }

    @Override
    public Optional<Class<? extends Record>> specRecord() {
        return Optional.of(ServingFields.Vllm.class);
    }

    @Override
    public int port(Spec.ServingModel serving) {
        Integer port = serving.own(ServingFields.Vllm.class).port();
        return port == null ? DEFAULT_PORT : port;
    }

    @Override
    public Metrics metrics() {
        return METRICS;
    }

    @Override
    public ProductionFacts production() {
        return DeploymentServing.PRODUCTION;
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    @Override
    public List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        return List.of(JwtAuth.istio(cluster), DeploymentServing.METRICS_SERVER);
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        ByEngine.served(context, name()).forEach((model, serving) ->
                models.add(new ItemModel(ByEngine.servedSource(model), Map.of("model", view(context, model, serving, findings)))));
        return models;
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        Map<String, Spec.ServingModel> mine = ByEngine.served(context, name());
        if (mine.isEmpty()) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        List<TenancyNeeds.Egress> egress = new ArrayList<>(ServingAuth.egress(context, mine, CONTRACT));
        mine.forEach((model, serving) -> {
            ContractPolicies.inbound(context, model, "http", CONTRACT, ServingAuth.clientPort(serving, port(serving)),
                    serving.ingress() != null).ifPresent(allows::add);
            // a registered model comes through MLflow in the namespace, not from a store outside
            if (RegistryFetch.registered(serving) == null && ModelSource.of(serving.model()).downloads()) {
                ContractPolicies.itemEgress(context, model, MODEL_STORE, CONTRACT).ifPresent(egress::add);
            }
        });
        allows.addAll(ContractPolicies.opened(context, stage(), CONTRACT));
        return new TenancyNeeds(List.of(DeploymentServing.WORKLOAD), allows, List.of(), egress);
    }

    private VllmView view(RenderContext context, String model, Spec.ServingModel serving, Findings findings) {
        String name = context.objectName(model);
        Spec.Resources resources = serving.resources() == null ? DeploymentServing.DEFAULT_RESOURCES : serving.resources();
        Spec.Replicas replicas = serving.replicas() == null ? DEFAULT_REPLICAS : serving.replicas();
        Spec.Autoscaling autoscaling = serving.autoscaling();
        String metric = autoscaling == null ? null : autoscaling.metric();
        if (metric != null && !"cpu".equals(metric) && !"memory".equals(metric)) {
            findings.add(context.environment().locator().finding(Code.RENDER_METRIC_UNSUPPORTED,
                    ByEngine.servedSource(model) + "/autoscaling/metric",
                    Code.RENDER_METRIC_UNSUPPORTED.message(metric, model, name())));
            metric = null;
        }
        ServingFields.Vllm own = serving.own(ServingFields.Vllm.class);
        ModelSource source = ModelSource.of(serving.model());
        int port = port(serving);
        List<String> args = new ArrayList<>(List.of(source.served(), "--port", Integer.toString(port)));
        if (!source.hub()) {
            args.addAll(List.of("--served-model-name", model));
        }
        int gpus = wholeGpus(resources.gpu());
        if (gpus > 1 && own.args().stream().noneMatch(arg -> arg.startsWith("--tensor-parallel-size"))) {
            args.addAll(List.of("--tensor-parallel-size", Integer.toString(gpus)));
        }
        args.addAll(own.args());
        // HOME (/tmp, for the caches vLLM, Triton and PyTorch keep under ~) comes with every container's env; HF_HOME on the model volume
        List<EnvView> env = new ArrayList<>(List.of(
                new EnvView("HF_HOME", CACHE_PATH + "/huggingface", null, null),
                new EnvView("VLLM_NO_USAGE_STATS", "1", null, null),
                new EnvView("DO_NOT_TRACK", "1", null, null)));
        env.addAll(Addresses.env(context));
        own.env().forEach((key, value) -> env.add(new EnvView(key, value, null, null)));
        own.secretEnv().forEach((key, ref) -> env.add(new EnvView(key, null, context.secretName(ref.secret()), ref.key())));
        Spec.Ingress ingress = serving.ingress();
        boolean scaled = metric != null;
        ServingAuth auth = ServingAuth.of(context, name, serving, port);
        return new VllmView(
                name,
                context.labels(Stage.SERVING, name),
                RenderContext.selector(name),
                RegistryFetch.podLabels(auth.podLabels(), serving),
                context.objectName(DeploymentServing.WORKLOAD),
                context.environment().image(own.image()),
                args,
                port,
                env,
                resources.cpu(), resources.memory(), resources.gpu(),
                SHM_SIZE,
                scaled ? null : replicas.min(),
                replicas.min(), replicas.max(),
                metric, scaled ? autoscaling.target() : 0,
                source.downloadFrom(),
                source.downloadFrom() == null ? null : DOWNLOADER_IMAGE,
                source.claim(),
                ingress == null ? null : ingress.host(),
                ingress != null && ingress.tls(),
                name + "-tls",
                auth.proxy(), auth.jwt(),
                RegistryFetch.of(context, serving, MODELS_VOLUME, CACHE_PATH, REGISTERED_PATH));
    }

    /** GPUs as a count; a quantity such as {@code 1000m} or {@code 2} is whole GPUs (the device plugin has no fractions). */
    private static int wholeGpus(String gpu) {
        if (gpu == null) {
            return 0;
        }
        String amount = gpu.endsWith("m") ? new BigDecimal(gpu.substring(0, gpu.length() - 1)).movePointLeft(3).toPlainString() : gpu;
        try {
            return new BigDecimal(amount).intValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Where a model comes from and what {@code vllm serve} is given for it.
     *
     * @param served       the model argument of {@code vllm serve}: a Hub id or a folder
     * @param hub          whether vLLM itself downloads it from the Hub
     * @param downloadFrom the URI the download init container fetches, or null
     * @param claim        the PersistentVolumeClaim to mount, or null
     */
    record ModelSource(String served, boolean hub, String downloadFrom, String claim) {

        /** A registered model is fetched into {@value #REGISTERED_PATH} by the init container of {@link RegistryFetch}. */
        static ModelSource of(Spec.Model model) {
            return model.registered() != null ? new ModelSource(REGISTERED_PATH, false, null, null) : of(model.storageUri());
        }

        static ModelSource of(String storageUri) {
            int separator = storageUri.indexOf("://");
            String scheme = storageUri.substring(0, separator);
            String rest = storageUri.substring(separator + 3);
            return switch (scheme) {
                case "hf" -> new ModelSource(rest, true, null, null);
                case "s3" -> new ModelSource(CACHE_PATH + "/download", false, storageUri, null);
                case "pvc" -> {
                    int slash = rest.indexOf('/');
                    String claim = slash < 0 ? rest : rest.substring(0, slash);
                    String path = slash < 0 ? "" : rest.substring(slash).replaceAll("/+$", "");
                    yield new ModelSource(CLAIM_PATH + path, false, null, claim);
                }
                // the schema's vllm branch admits hf://, s3:// and pvc:// only
                default -> throw new IllegalArgumentException("engine vllm cannot load " + storageUri);
            };
        }

        /** Whether the pod fetches the model over the network at start. */
        boolean downloads() {
            return claim == null;
        }
    }

    /**
     * One vLLM server as the templates see it. Nullable: {@code gpu}, {@code replicas} (null when
     * an autoscaler owns the count), {@code metric} (null without an autoscaler),
     * {@code downloadFrom} and {@code downloader} (null unless an init container downloads the
     * model), {@code claim} (null unless the model is on a claim), {@code host} (null without ingress),
     * {@code proxy} (null without an oauth2-proxy in front), {@code jwt} (null unless Istio checks a token),
     * {@code fetch} (null unless the model is registered).
     */
    public record VllmView(String name, Map<String, String> labels, Map<String, String> selector,
                           Map<String, String> podLabels, String serviceAccount, String image, List<String> args,
                           int port, List<EnvView> env, String cpu, String memory, String gpu, String shmSize,
                           Integer replicas, int minReplicas, int maxReplicas, String metric, int target,
                           String downloadFrom, String downloader, String claim, String host, boolean tls,
                           String tlsSecret, AuthProxy.View proxy, JwtAuth.View jwt, RegistryFetch.View fetch) {}
}
