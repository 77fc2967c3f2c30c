package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * Serving engine {@code deployment}: per served model a Deployment, its Service, a
 * HorizontalPodAutoscaler that owns the replica count, a PodDisruptionBudget and, where asked, an
 * Ingress.
 */
final class DeploymentServing implements Engine {

    static final int DEFAULT_PORT = 8080;
    /** The workload kind, and so the ServiceAccount {@code <project>-serving}. */
    static final String WORKLOAD = "serving";

    // what a model gets when the spec leaves it out; the LimitRange would otherwise fill in
    static final Spec.Resources DEFAULT_RESOURCES = new Spec.Resources("500m", "512Mi", null);
    private static final Spec.Replicas DEFAULT_REPLICAS = new Spec.Replicas(1, 1);
    private static final Spec.Autoscaling DEFAULT_AUTOSCALING = new Spec.Autoscaling("cpu", 80);

    @Override
    public Stage stage() {
        return Stage.SERVING;
    }

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
        return List.of("deployment.yaml.ftl", "service.yaml.ftl", "hpa.yaml.ftl", "pdb.yaml.ftl", "ingress.yaml.ftl");
    }

    @Override
    public List<ItemModel> models(Project project, Findings findings) {
        List<ItemModel> models = new ArrayList<>();
        mine(project).forEach((model, serving) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("model", view(project, model, serving, findings));
            models.add(new ItemModel("/serving/" + Locator.escape(model), data));
        });
        return models;
    }

    @Override
    public TenancyNeeds needs(Project project) {
        if (project.spec().serving().isEmpty()) {
            return TenancyNeeds.NONE;
        }
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        mine(project).forEach((model, serving) -> allows.add(new TenancyNeeds.Allow(
                project.objectName(model + "-allow-http"), project.objectName(model), port(serving),
                serving.ingress() != null)));
        // the models this engine runs may call the stores; tenancy keeps one policy per path if kserve asks too
        if (!allows.isEmpty()) {
            project.featureServerAccess(stage()).ifPresent(allows::add);
            project.mlflowAccess(stage()).ifPresent(allows::add);
        }
        // a model given the online store's Secret talks to Redis; tenancy keeps one policy if kserve asks too
        boolean redis = mine(project).values().stream().anyMatch(serving -> readsRedis(project, serving));
        return new TenancyNeeds(List.of(WORKLOAD), allows, List.of(), redis
                ? List.of(project.storeEgress(stage(), Project.HTTPS_PORT, Project.REDIS_PORT)) : List.of());
    }

    /** Whether a model reads the Secret of a Redis online store. */
    private static boolean readsRedis(Project project, Spec.ServingModel serving) {
        Spec.FeatureStore store = project.spec().featureStore();
        if (store == null || store.onlineStore() == null || !"redis".equals(store.onlineStore().type())) {
            return false;
        }
        return serving.secretEnv() != null && serving.secretEnv().values().stream()
                .anyMatch(ref -> ref.secret().equals(store.onlineStore().secret()));
    }

    /** The served models this engine renders, in file order. */
    private Map<String, Spec.ServingModel> mine(Project project) {
        return ByEngine.served(project, name());
    }

    private static int port(Spec.ServingModel serving) {
        return serving.port() == null ? DEFAULT_PORT : serving.port();
    }

    private static ServingView view(Project project, String model, Spec.ServingModel serving, Findings findings) {
        String name = project.objectName(model);
        Spec.Resources resources = serving.resources() == null ? DEFAULT_RESOURCES : serving.resources();
        Spec.Replicas replicas = serving.replicas() == null ? DEFAULT_REPLICAS : serving.replicas();
        Spec.Autoscaling autoscaling = serving.autoscaling() == null ? DEFAULT_AUTOSCALING : serving.autoscaling();
        String metric = autoscaling.metric();
        if (!"cpu".equals(metric) && !"memory".equals(metric)) {
            // a Resource metric is all a bare HPA can read; anything else needs a metrics adapter
            findings.add(project.environment().locator().finding(Code.RENDER_METRIC_UNSUPPORTED,
                    "/serving/" + Locator.escape(model) + "/autoscaling/metric",
                    Code.RENDER_METRIC_UNSUPPORTED.message(metric, model)));
            metric = null;
        }
        // the other stages' addresses first, as every workload gets them, then the model's own
        List<EnvView> env = new ArrayList<>(Addresses.env(project));
        serving.env().forEach((key, value) -> env.add(new EnvView(key, value, null, null)));
        serving.secretEnv().forEach((key, ref) -> env.add(new EnvView(key, null, project.secretName(ref.secret()), ref.key())));
        Spec.Ingress ingress = serving.ingress();
        Spec.Health health = serving.health();
        return new ServingView(
                name,
                project.labels(Stage.SERVING, name),
                Project.selector(name),
                project.podLabels(Stage.SERVING, name),
                project.objectName(WORKLOAD),
                project.environment().image(serving.image()),
                serving.args(),
                port(serving),
                env,
                resources.cpu(), resources.memory(), resources.gpu(),
                health == null ? null : health.liveness(),
                health == null ? null : health.readiness(),
                replicas.min(), replicas.max(),
                metric, autoscaling.target(),
                ingress == null ? null : ingress.host(),
                ingress != null && ingress.tls(),
                name + "-tls");
    }

    /**
     * What the templates of one served model see; every value is already derived, so a template
     * only places it. Nullable: {@code gpu}, {@code liveness}, {@code readiness}, {@code metric}
     * (null when it cannot be expressed), {@code host} (null without ingress).
     */
    public record ServingView(String name, Map<String, String> labels, Map<String, String> selector,
                              Map<String, String> podLabels, String serviceAccount, String image, List<String> args,
                              int port, List<EnvView> env, String cpu, String memory, String gpu, String liveness,
                              String readiness, int minReplicas, int maxReplicas, String metric, int target,
                              String host, boolean tls, String tlsSecret) {}

    /** One container env var: a plain {@code value}, or a key of the Secret {@code secret}. */
    public record EnvView(String name, String value, String secret, String key) {}
}
