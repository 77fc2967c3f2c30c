package dev.mlgitops.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * Model registry engine {@code mlflow}: the tracking server's Deployment and its Service, named by
 * {@link Project#mlflowName()}. The backend store URI comes from its Secret; artifacts are served
 * through the server ({@code --serve-artifacts}), so only the server needs the artifact store.
 */
final class MlflowRegistry implements Engine {

    /** The server image when the spec names none (MLflow 3.5+, whose --allowed-hosts the blueprint sets). */
    static final String DEFAULT_IMAGE = "ghcr.io/mlflow/mlflow:v3.5.0";
    /** The workload kind, and so the ServiceAccount {@code <project>-model-registry}. */
    static final String WORKLOAD = Stage.MODEL_REGISTRY.folder();
    /** The key of the backend store's Secret that holds the SQLAlchemy URI. */
    static final String URI_KEY = "uri";
    /** MLflow reads this variable too; the blueprint also passes it as --backend-store-uri. */
    static final String URI_ENV = "MLFLOW_BACKEND_STORE_URI";
    /** A numeric user: the image's own may be root or a name, which runAsNonRoot cannot verify. */
    static final int USER = 1001;

    private static final Spec.Resources RESOURCES = new Spec.Resources("500m", "1Gi", null);

    @Override
    public Stage stage() {
        return Stage.MODEL_REGISTRY;
    }

    @Override
    public String name() {
        return "mlflow";
    }

    @Override
    public String folder() {
        return "model-registry/mlflow";
    }

    @Override
    public List<String> templates() {
        return List.of("deployment.yaml.ftl", "service.yaml.ftl");
    }

    @Override
    public List<ItemModel> models(Project project, Findings findings) {
        return mine(project).map(registry -> List.of(new ItemModel("/modelRegistry", Map.of("mlflow", view(project, registry)))))
                .orElse(List.of());
    }

    @Override
    public TenancyNeeds needs(Project project) {
        // who may reach the server is the users' ask (Project#mlflowAccess), not the server's
        return mine(project).map(registry -> TenancyNeeds.withEgress(List.of(WORKLOAD), List.of(project.storeEgress(stage(), Project.HTTPS_PORT, Project.POSTGRES_PORT, Project.MYSQL_PORT))))
                .orElse(TenancyNeeds.NONE);
    }

    /** The spec's model registry when this engine renders it. */
    private Optional<Spec.ModelRegistry> mine(Project project) {
        return Optional.ofNullable(project.spec().modelRegistry()).filter(registry -> name().equals(registry.engine()));
    }

    private static MlflowView view(Project project, Spec.ModelRegistry registry) {
        String name = project.mlflowName();
        return new MlflowView(
                name,
                project.labels(Stage.MODEL_REGISTRY, name),
                Project.selector(name),
                project.podLabels(Stage.MODEL_REGISTRY, name),
                project.objectName(WORKLOAD),
                registry.image() == null ? DEFAULT_IMAGE : project.environment().image(registry.image()),
                registry.replicas() == null ? 1 : registry.replicas(),
                Project.MLFLOW_PORT,
                allowedHosts(name),
                project.secretName(registry.backendStore().secret()),
                URI_KEY, URI_ENV,
                registry.artifactRoot(),
                USER,
                RESOURCES.cpu(), RESOURCES.memory());
    }

    /**
     * The Host headers MLflow 3.5+ accepts (fnmatch patterns): the Service by its short name, with
     * and without the port, its namespaced names ({@code <svc>.<namespace>.svc...}, whatever the
     * overlay's namespace), and localhost for a port-forward. /health is exempt, so probes pass.
     */
    static String allowedHosts(String service) {
        return String.join(",", service, service + ":" + Project.MLFLOW_PORT, service + ".*", "localhost", "localhost:*");
    }

    /** What the templates see; every value is already derived. */
    public record MlflowView(String name, Map<String, String> labels, Map<String, String> selector,
                             Map<String, String> podLabels, String serviceAccount, String image, int replicas, int port,
                             String allowedHosts, String secret, String secretKey, String uriEnv, String artifactRoot,
                             int user, String cpu, String memory) {}
}
