package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.mlgitops.model.RunInputs;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;

/**
 * Model-quality monitoring ({@code spec.monitoring.quality.<model>}): the drift detector of each
 * watched model, the one place that names it, its ports and its address, which the serving
 * engines (KServe's logger), the monitoring engine (its Deployment, Service, ServiceMonitor,
 * alerts, panels) and tenancy (its NetworkPolicies) share.
 *
 * <p>The detector's contract (docs/monitoring-quality.md): it receives the model's logged requests
 * and responses as CloudEvents (HTTP POST, KServe's logger format) on port {@value #HTTP_PORT},
 * answers {@code GET /healthz} there, and exposes {@code model_drift_score{model,feature}} and
 * {@code model_accuracy{model}} on port {@value #METRICS_PORT} at {@code /metrics}; its
 * {@code model} label is the value of {@value #MODEL_ENV}, the served model's object name.
 */
final class ModelQuality {

    /** The detectors' workload kind: their ServiceAccount is {@code <project>-quality-detector}. */
    static final String WORKLOAD = "quality-detector";
    /** Where the detector takes CloudEvents and answers its probes. */
    static final int HTTP_PORT = 8080;
    /** Where the detector serves {@code /metrics}. */
    static final int METRICS_PORT = 9090;
    static final String MODEL_ENV = "MLGITOPS_MODEL";
    static final String GROUND_TRUTH_ENV = "MLGITOPS_GROUND_TRUTH";
    static final Spec.Resources DEFAULT_RESOURCES = new Spec.Resources("250m", "512Mi", null);
    /** How long drift above its max, or accuracy below its min, must hold before the alert fires. */
    static final String ALERT_FOR = "15m";
    /** How long a metric may be missing before its absence alerts. */
    static final String ABSENT_FOR = "30m";

    private ModelQuality() {
    }

    /** The quality monitoring of the spec's served models, by model name; only models that are served. */
    static Map<String, Spec.Quality> of(RenderContext context) {
        Map<String, Spec.Quality> watched = new LinkedHashMap<>();
        if (context.spec().monitoring() != null) {
            context.spec().monitoring().quality().forEach((model, quality) -> {
                if (context.spec().serving().containsKey(model)) {
                    watched.put(model, quality);
                }
            });
        }
        return watched;
    }

    /** The detector's Deployment and Service name for {@code model}. */
    static String detectorName(RenderContext context, String model) {
        return context.objectName(model + "-quality");
    }

    /**
     * Where the model's requests and responses go, when they are logged: the detector's Service by
     * its short name (the logger runs in the model's pod, in the same namespace); empty when the
     * model is not watched or its logging is off.
     */
    static java.util.Optional<String> sinkUrl(RenderContext context, String model) {
        Spec.Quality quality = of(context).get(model);
        if (quality == null || !quality.logs()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("http://" + detectorName(context, model) + ":" + HTTP_PORT);
    }

    /** The store port of the ground-truth dataset the detector reads; empty without one or for a local path. */
    static OptionalInt groundTruthPort(RenderContext context, Spec.Quality quality) {
        Spec.Dataset dataset = groundTruth(context, quality);
        if (dataset == null || RunInputs.local(dataset.uri())) {
            return OptionalInt.empty();
        }
        return RunInputs.storePort(dataset.uri());
    }

    private static Spec.Dataset groundTruth(RenderContext context, Spec.Quality quality) {
        return quality.accuracy() == null || quality.accuracy().groundTruth() == null ? null
                : context.spec().datasets().get(quality.accuracy().groundTruth());
    }

    /** The NetworkPolicies the detectors need: the model's pods in (logging), Prometheus in, the ground truth's store out. */
    static void needs(RenderContext context, RuntimeContract contract, List<TenancyNeeds.Allow> allows,
                      List<TenancyNeeds.Egress> egress) {
        of(context).forEach((model, quality) -> {
            String item = model + "-quality";
            if (quality.logs()) {
                // only the watched model's pods (KServe's agent in the predictor, or the model's own hook) post to it
                ContractPolicies.accepted(context, item, "logging", contract, PrometheusMonitoring.QUALITY + ".logging",
                        Stage.SERVING, RenderContext.selector(context.objectName(model))).ifPresent(allows::add);
            }
            ContractPolicies.accepted(context, item, "metrics", contract, PrometheusMonitoring.QUALITY, Stage.SERVING, Map.of())
                    .ifPresent(allows::add);
            OptionalInt port = groundTruthPort(context, quality);
            if (port.isPresent()) {
                ContractPolicies.itemEgress(context, item, STORE_POLICY, contract, connection -> List.of(port.getAsInt()))
                        .ifPresent(egress::add);
            }
        });
    }

    /** The egress policy of a detector's ground-truth store: {@code <project>-<model>-quality-to-store}. */
    static final String STORE_POLICY = "store";

    /** The detector's Deployment, Service and ServiceMonitor as the template sees them. */
    static DetectorView detector(RenderContext context, String model, Spec.Quality quality, Map<String, String> monitorLabels,
                                 String interval) {
        String name = detectorName(context, model);
        Spec.Resources resources = quality.detector().resources() == null ? DEFAULT_RESOURCES
                : quality.detector().resources();
        List<DeploymentServing.EnvView> env = new ArrayList<>();
        env.add(new DeploymentServing.EnvView(MODEL_ENV, context.objectName(model), null, null));
        Spec.Dataset dataset = groundTruth(context, quality);
        if (dataset != null) {
            String truth = quality.accuracy().groundTruth();
            env.add(new DeploymentServing.EnvView(GROUND_TRUTH_ENV, truth, null, null));
            env.add(new DeploymentServing.EnvView(RunInputs.key(truth, RunInputs.URI), dataset.uri(), null, null));
            env.add(new DeploymentServing.EnvView(RunInputs.key(truth, RunInputs.VERSION), dataset.version(), null, null));
        }
        return new DetectorView(name, context.labels(Stage.MONITORING, name), RenderContext.selector(name),
                context.podLabels(Stage.MONITORING, name), context.objectName(WORKLOAD),
                context.environment().image(quality.detector().image()), env, resources.cpu(), resources.memory(),
                HTTP_PORT, METRICS_PORT, monitorLabels, interval);
    }

    /** The PromQL of one watched model's quality, over the environment's namespace only (none in the base). */
    static QualityView alerts(RenderContext context, String model, Spec.Quality quality) {
        String name = context.objectName(model);
        String namespace = context.environment().target().map(Target::namespace).orElse(null);
        String matcher = (namespace == null ? "" : "namespace=\"" + namespace + "\", ") + "model=\"" + name + "\"";
        String drift = "max by (namespace, feature) (model_drift_score{" + matcher + "})";
        String accuracy = "min by (namespace) (model_accuracy{" + matcher + "})";
        return new QualityView(name, detectorName(context, model), drift, quality.drift().max(),
                "absent(model_drift_score{" + matcher + "})",
                quality.accuracy() == null ? null : accuracy,
                quality.accuracy() == null ? null : quality.accuracy().min(),
                quality.accuracy() == null ? null : "absent(model_accuracy{" + matcher + "})");
    }

    /**
     * One detector as the template sees it: the Deployment's and Service's name, labels and
     * selector, its ServiceAccount, image, env, resources and ports, and its ServiceMonitor's
     * labels (Prometheus's selection) and interval.
     */
    public record DetectorView(String name, Map<String, String> labels, Map<String, String> selector,
                               Map<String, String> podLabels, String serviceAccount, String image,
                               List<DeploymentServing.EnvView> env, String cpu, String memory, int port, int metricsPort,
                               Map<String, String> monitorLabels, String interval) {}

    /**
     * One watched model's alerts and panels: its drift by feature and the threshold, its accuracy
     * and the threshold (both null without {@code accuracy}), and the absence of each metric.
     */
    public record QualityView(String name, String detector, String drift, String driftMax, String driftAbsent,
                              String accuracy, String accuracyMin, String accuracyAbsent) {}
}
