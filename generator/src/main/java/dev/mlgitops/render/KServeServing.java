package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

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
 */
final class KServeServing implements Engine {

    static final String DEPLOYMENT_MODE = "Knative";
    /** Knative's queue-proxy: every request enters the pod here (the model server's 8080 is behind it). */
    static final int QUEUE_PROXY_PORT = 8012;
    /** The model server's port in KServe's runtimes. */
    static final int MODEL_PORT = 8080;
    /**
     * Where requests come from in Knative mode: the activator (knative-serving) and the ingress
     * gateway (istio-system, KServe's default networking layer for Knative).
     */
    static final List<String> DATA_PLANE_NAMESPACES = List.of("knative-serving", "istio-system");

    /** Knative Serving's control plane namespace (activator, autoscaler). */
    static final String KNATIVE_NAMESPACE = "knative-serving";

    /** queue-proxy's admin port (probes) and its autoscaler metrics port (knative/serving networking/ports.go). */
    static final List<Integer> KNATIVE_PORTS = List.of(8022, 9090);

    @Override
    public Stage stage() {
        return Stage.SERVING;
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
        return List.of("inferenceservice.yaml.ftl", "pdb.yaml.ftl");
    }

    @Override
    public List<ItemModel> models(Project project, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        ByEngine.served(project, name()).forEach((model, serving) -> {
            if (serving.ingress() != null) {
                findings.add(project.environment().locator().finding(Code.RENDER_KSERVE_HOST,
                        ByEngine.servedSource(model) + "/ingress/host",
                        Code.RENDER_KSERVE_HOST.message(model, serving.ingress().host(),
                                serving.ingress().tls() ? ", with a certificate for it in the gateway" : "")));
            }
            models.add(new ItemModel(ByEngine.servedSource(model), Map.of("model", view(project, model, serving))));
        });
        return models;
    }

    @Override
    public TenancyNeeds needs(Project project) {
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        ByEngine.served(project, name()).keySet().forEach(model -> {
            allows.add(new TenancyNeeds.Allow(project.objectName(model + "-allow-http"), project.objectName(model),
                    QUEUE_PROXY_PORT, false, DATA_PLANE_NAMESPACES));
            // the activator's probes (8022) and the autoscaler's scrape of queue-proxy (9090)
            allows.add(new TenancyNeeds.Allow(project.objectName(model + "-allow-knative"), project.objectName(model),
                    KNATIVE_PORTS, List.of(), false, List.of(KNATIVE_NAMESPACE)));
        });
        if (allows.isEmpty()) {
            return TenancyNeeds.NONE;
        }
        project.featureServerAccess(stage()).ifPresent(allows::add);
        project.mlflowAccess(stage()).ifPresent(allows::add);
        // the storage-initializer in each predictor pod downloads the model (and the explainer may read Redis)
        return new TenancyNeeds(List.of(DeploymentServing.WORKLOAD), allows, List.of(),
                List.of(project.storeEgress(stage(), Project.HTTPS_PORT, Project.REDIS_PORT)));
    }

    private static InferenceView view(Project project, String model, Spec.ServingModel serving) {
        String name = project.objectName(model);
        Spec.Resources resources = serving.resources() == null ? DeploymentServing.DEFAULT_RESOURCES : serving.resources();
        Spec.Replicas replicas = serving.replicas();
        Spec.Autoscaling autoscaling = serving.autoscaling();
        return new InferenceView(name, project.labels(Stage.SERVING, name), project.podLabels(Stage.SERVING, name),
                DEPLOYMENT_MODE, project.objectName(DeploymentServing.WORKLOAD),
                serving.model().format(), serving.model().storageUri(),
                replicas == null ? null : replicas.min(), replicas == null ? null : replicas.max(),
                autoscaling == null ? null : autoscaling.metric(), autoscaling == null ? null : autoscaling.target(),
                serving.canary() == null ? null : serving.canary().trafficPercent(),
                Addresses.env(project), resources.cpu(), resources.memory(), resources.gpu(), MODEL_PORT);
    }

    /**
     * One InferenceService as the template sees it. Nullable: the replica bounds, the scale
     * metric and target (KServe's defaults apply), {@code canaryPercent}, {@code gpu}.
     */
    public record InferenceView(String name, Map<String, String> labels, Map<String, String> podLabels,
                                String deploymentMode, String serviceAccount, String format, String storageUri,
                                Integer minReplicas, Integer maxReplicas, String scaleMetric, Integer scaleTarget,
                                Integer canaryPercent, List<DeploymentServing.EnvView> env, String cpu, String memory,
                                String gpu, int port) {}
}
