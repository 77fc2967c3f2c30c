package dev.mlgitops.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;

/**
 * Monitoring engine {@code prometheus} (Prometheus Operator): a ServiceMonitor per served model and
 * per server another engine declares ({@link Engine#scrapes}, the MLflow tracking server), one
 * PrometheusRule with the spec's alerts for every served model, and a Grafana dashboard ConfigMap
 * when {@code dashboards: true}. Which metrics each serving engine exposes is the engine's own
 * {@link ServingEngine#metrics()}. With {@code quality}, per watched model a drift detector
 * (Deployment, Service, ServiceMonitor: {@link ModelQuality}), its alerts and its panels.
 */
final class PrometheusMonitoring implements Engine {

    /** In contracts: Prometheus's namespace, which each environment's spec.cluster.monitoring.namespace names. */
    static final String MONITORING_NAMESPACE = "spec.cluster.monitoring.namespace";

    /** In contracts: the condition under which a model's drift detector runs. */
    static final String QUALITY = "spec.monitoring.quality.<model>";

    /** The drift detectors are this engine's only pods: what they open and accept (see {@link ModelQuality}). */
    private static final RuntimeContract CONTRACT = new RuntimeContract(
            List.of(new RuntimeContract.Connection(RuntimeContract.PeerKind.EXTERNAL, "the ground-truth dataset's store",
                    0, "the detector reads the true labels (on the dataset URI's port; 443 for buckets)",
                    QUALITY + ".accuracy.groundTruth").inPolicy(ModelQuality.STORE_POLICY)),
            List.of(new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, Stage.SERVING.folder(),
                            ModelQuality.HTTP_PORT, "the watched model's logged requests and responses (KServe's agent,"
                            + " or the model's own hook)", QUALITY + ".logging"),
                    new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE, MONITORING_NAMESPACE,
                            ModelQuality.METRICS_PORT, "Prometheus scrapes the detector's /metrics", QUALITY)),
            List.of(),
            // the dashboards reach Grafana only through its sidecar (kube-prometheus-stack's grafana.sidecar.dashboards)
            List.of(new RuntimeContract.Setting("Grafana dashboard sidecar", "", "grafana.sidecar.dashboards.enabled with"
                    + " label grafana_dashboard and searchNamespace ALL: it loads the dashboards' ConfigMaps",
                    "ConfigMap", "/metadata/labels/grafana_dashboard")),
            Map.of("apps/Deployment", RuntimeContract.Scaling.REPLICAS));

    private static final String DEFAULT_INTERVAL = "30s";

    @Override
    public Stage stage() {
        return Stage.MONITORING;
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String folder() {
        return "monitoring/prometheus";
    }

    @Override
    public List<String> templates() {
        return List.of("servicemonitors.yaml.ftl", "prometheusrule.yaml.ftl", "dashboard.yaml.ftl", "detector.yaml.ftl");
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    @Override
    public List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        return List.of(new RuntimeContract.Requirement(
                List.of("monitoring.coreos.com/ServiceMonitor", "monitoring.coreos.com/PrometheusRule"),
                "Prometheus Operator", "serving monitoring.coreos.com/v1",
                "servicemonitors.monitoring.coreos.com, prometheusrules.monitoring.coreos.com",
                cluster.monitoring().namespace(), "Prometheus selects ServiceMonitors and PrometheusRules labelled "
                        + labels(cluster.monitoring().prometheusLabels())));
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

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        Spec.Monitoring monitoring = context.spec().monitoring();
        List<Scrape> servers = servers(context);
        if (monitoring == null || context.spec().serving().isEmpty() && servers.isEmpty()) {
            return List.of();
        }
        List<MonitoredView> models = new ArrayList<>();
        context.spec().serving().forEach((model, serving) -> models.add(monitored(context, model, serving)));
        Map<String, String> labels = new LinkedHashMap<>(context.labels(stage()));
        // the labels Prometheus selects ServiceMonitors and rules by (kube-prometheus-stack: its Helm release's)
        labels.putAll(new TreeMap<>(context.spec().cluster().monitoring().prometheusLabels()));
        String interval = monitoring.scrapeInterval() == null ? DEFAULT_INTERVAL : monitoring.scrapeInterval();
        List<ModelQuality.QualityView> quality = new ArrayList<>();
        List<ItemModel> detectors = new ArrayList<>();
        ModelQuality.of(context).forEach((model, watched) -> {
            quality.add(ModelQuality.alerts(context, model, watched));
            // a rendering of its own, so what its objects lack points at the quality item
            Map<String, String> monitorLabels = new LinkedHashMap<>(context.labels(stage(), ModelQuality.detectorName(context, model)));
            monitorLabels.putAll(new TreeMap<>(context.spec().cluster().monitoring().prometheusLabels()));
            detectors.add(new ItemModel("/monitoring/quality/" + Locator.escape(model), Map.of("models", List.of(),
                    "servers", List.of(), "detector", ModelQuality.detector(context, model, watched, monitorLabels, interval))));
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("interval", interval);
        data.put("models", models);
        data.put("quality", quality);
        data.put("servers", servers);
        data.put("ruleName", context.objectName("alerts"));
        data.put("group", context.name() + ".serving");
        Spec.Alerts alerts = monitoring.alerts();
        data.put("latency", alerts == null ? null : alerts.latencyP99());
        data.put("latencySeconds", alerts == null || alerts.latencyP99() == null ? null : seconds(alerts.latencyP99().threshold()));
        data.put("errorRate", alerts == null ? null : alerts.errorRate());
        data.put("dashboard", monitoring.dashboards() && !models.isEmpty() ? dashboard(context, models, quality) : null);
        List<ItemModel> items = new ArrayList<>(List.of(new ItemModel("/monitoring", data)));
        items.addAll(detectors);
        return items;
    }

    /** Whether the serving engine's contract lets the namespace's pods onto the model's metrics port. */
    private static boolean namespaceReaches(Spec.ServingModel serving) {
        if (ServingAuth.proxied(serving)) {
            return false;
        }
        int port = metricsPort(serving);
        return Engines.serving(serving.engine()).orElseThrow().contract().accepts().stream().anyMatch(accepted ->
                accepted.peer() == RuntimeContract.PeerKind.NAMESPACE_PODS && (accepted.port() == 0 || accepted.port() == port));
    }

    /** The scraper's way in to every served model's metrics port. */
    @Override
    public TenancyNeeds needs(RenderContext context) {
        if (context.spec().monitoring() == null) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        List<TenancyNeeds.Egress> egress = new ArrayList<>();
        ModelQuality.needs(context, CONTRACT, allows, egress);
        String prometheus = context.spec().cluster().monitoring().namespace();
        // the scraper alone, no pod of the namespace, unless the engine's contract lets the namespace's pods onto that
        // port anyway (a model server without a proxy in front, not Knative's queue-proxy metrics port)
        context.spec().serving().forEach((model, serving) -> allows.add(!namespaceReaches(serving)
                ? TenancyNeeds.Allow.fromNamespacesOnly(context.objectName(model + "-allow-metrics"),
                        context.objectName(model), metricsPort(serving), List.of(prometheus))
                : new TenancyNeeds.Allow(context.objectName(model + "-allow-metrics"), context.objectName(model),
                        metricsPort(serving), false, List.of(prometheus))));
        // from Prometheus's namespace only: no pod of the project's namespace scrapes (the drift detectors of the
        // monitoring stage are scraped, they do not scrape)
        servers(context).forEach(server -> allows.add(TenancyNeeds.Allow.fromNamespacesOnly(server.name() + "-allow-metrics",
                server.name(), server.port(), List.of(prometheus))));
        if (allows.isEmpty()) {
            return TenancyNeeds.NONE;
        }
        return new TenancyNeeds(ModelQuality.of(context).isEmpty() ? List.of() : List.of(ModelQuality.WORKLOAD),
                allows, List.of(), egress);
    }

    /** The other stages' servers with metrics, as their engines declare them ({@link Engine#scrapes}). */
    private static List<Scrape> servers(RenderContext context) {
        return Engines.all().stream().flatMap(engine -> engine.scrapes(context).stream()).toList();
    }

    private static MonitoredView monitored(RenderContext context, String model, Spec.ServingModel serving) {
        String name = context.objectName(model);
        String namespace = context.environment().target().map(Target::namespace).orElse(null);
        Metrics metrics = engine(serving).metrics(context.spec().cluster());
        // a model that may scale to zero has no series while idle: its absence says nothing
        boolean scalesToZero = serving.replicas() != null && serving.replicas().min() == 0;
        // behind an oauth2-proxy the Service's port http is the proxy's; "metrics" is the model's own
        String port = ServingAuth.proxied(serving) ? "metrics" : metrics.portName();
        return new MonitoredView(name, RenderContext.selector(name), port,
                metrics.latencySeconds(name, namespace), metrics.errorRatio(name, namespace),
                scalesToZero ? null : metrics.absent(name, namespace), serving.engine());
    }

    /**
     * The Grafana dashboard of one environment. Grafana's sidecar writes every ConfigMap's keys as
     * files into one folder and Grafana keys dashboards by uid, so both carry the environment: two
     * environments on one cluster get two dashboards, never one overwriting the other. The base
     * (no environment) keeps the project's name alone; each overlay patches it.
     */
    private static DashboardView dashboard(RenderContext context, List<MonitoredView> models,
                                           List<ModelQuality.QualityView> quality) {
        String project = context.name();
        String key = context.environment().isBase() ? project : project + "-" + context.environment().name();
        String title = context.environment().isBase() ? project + " models"
                : project + " models (" + context.environment().name() + ")";
        return new DashboardView(context.objectName("dashboard"), key + ".json",
                Dashboard.json(Dashboard.uid(key), title, models, quality));
    }

    /** The serving engine of a model; the schema admits only registered ones. */
    private static ServingEngine engine(Spec.ServingModel serving) {
        return Engines.serving(serving.engine()).orElseThrow(() -> new IllegalStateException(
                "serving engine '" + serving.engine() + "' is not registered"));
    }

    /** The pod's port the scraper connects to. */
    private static int metricsPort(Spec.ServingModel serving) {
        ServingEngine engine = engine(serving);
        return engine.metrics().port() > 0 ? engine.metrics().port() : engine.port(serving);
    }

    /** A Prometheus duration of the spec ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}) in seconds, as PromQL writes it. */
    static String seconds(String duration) {
        int unit = duration.endsWith("ms") ? 2 : 1;
        BigDecimal amount = new BigDecimal(duration.substring(0, duration.length() - unit));
        BigDecimal factor = switch (duration.substring(duration.length() - unit)) {
            case "ms" -> new BigDecimal("0.001");
            case "s" -> BigDecimal.ONE;
            case "m" -> BigDecimal.valueOf(60);
            case "h" -> BigDecimal.valueOf(3600);
            default -> throw new IllegalArgumentException("not a duration: " + duration);
        };
        return amount.multiply(factor).stripTrailingZeros().toPlainString();
    }

    /**
     * One served model as monitoring sees it: the ServiceMonitor's selector and port, and the
     * PromQL of its p99 latency (in seconds), of its share of 5xx answers, and of the absence of
     * its request series.
     *
     * @param engine the serving engine, whose {@link ServingEngine#metrics()} these are
     */
    public record MonitoredView(String name, Map<String, String> selector, String port, String latency,
                                String errorRatio, String absent, String engine) {}

    /** The Grafana dashboard's ConfigMap: its name, the data key and the dashboard JSON. */
    public record DashboardView(String name, String key, String json) {}
}
