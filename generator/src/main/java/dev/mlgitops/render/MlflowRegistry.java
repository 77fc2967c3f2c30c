package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.RuntimeContract.Connection;

/**
 * Model registry engine {@code mlflow}: the tracking server's Deployment and its Service, named by
 * {@link RenderContext#mlflowName()}, and the Job that migrates its database before each sync (an
 * Argo CD PreSync hook). The backend store URI comes from its Secret, only through the environment;
 * artifacts are served through the server ({@code --serve-artifacts}), so only the server needs
 * the artifact store.
 */
final class MlflowRegistry implements Engine {

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            // the stores' policy lists its ports in this order
            List.of(Connection.external("object store", 443, "artifactRoot, served through the server")
                            .inPolicy(ContractPolicies.STORES),
                    Connection.external("backend store", 0, "backendStore, from the server and its PreSync migration Job: the database's port (backendStore.port, or 5432, 3306, 1433 by backendStore.database)")
                            .inPolicy(ContractPolicies.STORES),
                    AuthProxy.IDENTITY_PROVIDER),
            List.of(Connection.stage(Stage.TRAINING, RenderContext.MLFLOW_PORT, "runs and registered models"),
                    Connection.stage(Stage.SERVING, RenderContext.MLFLOW_PORT, "models to serve"),
                    Connection.stage(Stage.NOTEBOOKS, RenderContext.MLFLOW_PORT, "experiments"),
                    new Connection(RuntimeContract.PeerKind.NAMESPACE, PrometheusMonitoring.MONITORING_NAMESPACE,
                            RenderContext.MLFLOW_PORT, "Prometheus scrapes the server's /metrics", "spec.monitoring"),
                    // people reach the UI through its oauth2-proxy only, never port 5000
                    new Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", AuthProxy.PORT,
                            "people in the namespace (kubectl port-forward), through the UI's proxy", "auth"),
                    new Connection(RuntimeContract.PeerKind.INGRESS_CONTROLLER, "", AuthProxy.PORT,
                            "the ingress controller, to the UI's proxy", "ingress")),
            List.of(),
            List.of(),
            Map.of("apps/Deployment", RuntimeContract.Scaling.REPLICAS,
                    "batch/Job", RuntimeContract.Scaling.REPLICAS));

    /**
     * The server image when the spec names none: MLflow's {@code -full} variant (published from 3.9 on,
     * {@code mlflow[extras,azure,db,...]}), which has the database drivers and the S3, GCS and Azure
     * clients the base image lacks; 3.5+ for the {@code --allowed-hosts} the blueprint sets. The
     * meaning check {@code MLG-CHECK-MLFLOW-IMAGE} refuses the base image when a spec names it.
     */
    static final String DEFAULT_IMAGE = "ghcr.io/mlflow/mlflow:v3.16.1-full";
    /** The workload kind, and so the ServiceAccount {@code <project>-model-registry}. */
    static final String WORKLOAD = Stage.MODEL_REGISTRY.folder();
    /** The key of the backend store's Secret that holds the SQLAlchemy URI. */
    static final String URI_KEY = "uri";
    /**
     * The variable {@code mlflow server} reads its {@code --backend-store-uri} from (mlflow/cli.py,
     * the option's {@code envvar}), and the only way the URI reaches the server: never in argv.
     */
    static final String URI_ENV = "MLFLOW_BACKEND_STORE_URI";
    /** Where the server serves its Prometheus metrics, on its own port. */
    static final String METRICS_PATH = "/metrics";
    /**
     * The multiprocess directory of the gunicorn workers' metrics ({@code --expose-prometheus} takes a
     * directory and creates it): on the writable {@code /tmp}.
     */
    static final String METRICS_DIRECTORY = "/tmp/prometheus-metrics";
    /**
     * Host patterns of pod IPs (MLflow's own private ranges, mlflow/server/security_utils.py): Prometheus
     * scrapes a pod by its address, so its Host header is an IP, which DNS rebinding (the attack the
     * host check stops) cannot produce from a name.
     */
    static final List<String> POD_ADDRESS_HOSTS = List.of("10.*", "172.1[6-9].*", "172.2[0-9].*", "172.3[01].*", "192.168.*");
    /** A numeric user: the image's own may be root or a name, which runAsNonRoot cannot verify. */
    static final int USER = 1001;

    private static final ProductionFacts PRODUCTION = new ProductionFacts(Set.of("Deployment"),
            List.of(new ProductionFacts.ReplicaCount("Deployment", "/spec/replicas", false)));
    private static final Spec.Resources RESOURCES = new Spec.Resources("500m", "1Gi", null);
    private static final Spec.Resources MIGRATION_RESOURCES = new Spec.Resources("250m", "512Mi", null);
    /** How long a migration may run; MLflow warns some take long on big stores (db_migrations/README.md). */
    private static final int MIGRATION_DEADLINE_SECONDS = 1800;

    /**
     * The migration Job's program: {@code mlflow db upgrade <uri>} run in-process (the click group of
     * mlflow/db.py, called with its arguments) with the URI from {@link #URI_ENV}, so no argv holds
     * it. A database without {@code alembic_version} is empty: the server creates its tables at its
     * first start, and an upgrade of an empty database would fail, so it is left alone.
     */
    static final String MIGRATION_SCRIPT = String.join("\n",
            "import os, sqlalchemy, mlflow.db",
            "uri = os.environ['" + URI_ENV + "']",
            "engine = sqlalchemy.create_engine(uri)",
            "if not sqlalchemy.inspect(engine).has_table('alembic_version'):",
            "    print('empty database: the tracking server creates its tables at its first start')",
            "else:",
            "    engine.dispose()",
            "    mlflow.db.commands(['upgrade', uri], prog_name='mlflow db')");

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
        return List.of("migration.yaml.ftl", "deployment.yaml.ftl", "service.yaml.ftl", "pdb.yaml.ftl", "auth-emails.yaml.ftl",
                "ingress.yaml.ftl");
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    /** The server, like a served model: two replicas or more and a disruption budget in production. */
    @Override
    public ProductionFacts production() {
        return PRODUCTION;
    }

    /**
     * MLflow's own metrics: {@code --expose-prometheus} (mlflow/cli.py) serves them at {@code /metrics}
     * on the server's port (prometheus_flask_exporter on the Flask app, mlflow/server/prometheus_exporter.py).
     */
    @Override
    public List<Scrape> scrapes(RenderContext context) {
        return mine(context).map(registry -> List.of(new Scrape(context.mlflowName(), RenderContext.selector(context.mlflowName()),
                        "http", RenderContext.MLFLOW_PORT, METRICS_PATH)))
                .orElse(List.of());
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        return mine(context).map(registry -> List.of(new ItemModel("/modelRegistry", Map.of("mlflow", view(context, registry)))))
                .orElse(List.of());
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        // who may reach the server's own port is the users' ask (ContractPolicies#opened, from their contracts), not the server's
        return mine(context).map(registry -> {
            // its stores, from the contract's connections: the backend store's port(s) are the spec's
            List<TenancyNeeds.Egress> egress = new ArrayList<>(ContractPolicies.egress(context, stage(), ContractPolicies.STORES,
                    CONTRACT, connection -> registry.backendStore().ports()).stream().toList());
            if (!proxied(context, registry)) {
                return TenancyNeeds.withEgress(List.of(WORKLOAD), egress);
            }
            // people reach the proxy only: the ingress controller on its port, never on MLflow's (the contract's
            // connections accepted from the namespace's pods and the ingress controller)
            ContractPolicies.egress(context, stage(), AuthProxy.IDENTITY, CONTRACT, connection -> List.of())
                    .ifPresent(egress::add);
            List<TenancyNeeds.Allow> allows = ContractPolicies.inbound(context, RenderContext.MLFLOW_SERVICE, "proxy",
                    CONTRACT, AuthProxy.PORT, registry.ingress() != null).stream().toList();
            return new TenancyNeeds(List.of(WORKLOAD), allows, List.of(), egress);
        }).orElse(TenancyNeeds.NONE);
    }

    /** Whether an oauth2-proxy stands in front of the UI (the meaning check reports one asked for without an identity). */
    private static boolean proxied(RenderContext context, Spec.ModelRegistry registry) {
        return registry.auth() != null && registry.auth().proxy() && context.spec().identity() != null;
    }

    /** The spec's model registry when this engine renders it. */
    private Optional<Spec.ModelRegistry> mine(RenderContext context) {
        return Optional.ofNullable(context.spec().modelRegistry()).filter(registry -> name().equals(registry.engine()));
    }

    private static MlflowView view(RenderContext context, Spec.ModelRegistry registry) {
        String name = context.mlflowName();
        Spec.Ingress ingress = registry.ingress();
        String host = ingress == null ? null : ingress.host();
        // people sign in; the mlflow client of a laptop sends a bearer token of the same issuer (MLFLOW_TRACKING_TOKEN)
        AuthProxy.View proxy = proxied(context, registry)
                ? AuthProxy.view(context, name, RenderContext.MLFLOW_PORT, registry.auth().allowedEmails(),
                        registry.auth().allowedGroups(), true).orElseThrow()
                : null;
        return new MlflowView(
                name,
                context.labels(Stage.MODEL_REGISTRY, name),
                RenderContext.selector(name),
                context.podLabels(Stage.MODEL_REGISTRY, name),
                context.objectName(WORKLOAD),
                registry.image() == null ? DEFAULT_IMAGE : context.environment().image(registry.image()),
                registry.replicas() == null ? 1 : registry.replicas(),
                RenderContext.MLFLOW_PORT,
                allowedHosts(name, host),
                host == null ? null : (ingress.tls() ? "https://" : "http://") + host,
                context.secretName(registry.backendStore().secret()),
                URI_KEY, URI_ENV,
                registry.artifactRoot(),
                METRICS_DIRECTORY,
                USER,
                RESOURCES.cpu(), RESOURCES.memory(),
                migration(context),
                proxy, host, ingress != null && ingress.tls(), name + "-tls");
    }

    /** The PreSync Job's own name and labels; its pods carry the stage's labels, so the stage's egress holds for them. */
    private static Migration migration(RenderContext context) {
        String name = context.objectName("mlflow-db-upgrade");
        return new Migration(name, context.labels(Stage.MODEL_REGISTRY, name), context.podLabels(Stage.MODEL_REGISTRY, name),
                MIGRATION_DEADLINE_SECONDS, MIGRATION_SCRIPT, MIGRATION_RESOURCES.cpu(), MIGRATION_RESOURCES.memory());
    }

    /**
     * The Host headers MLflow 3.5+ accepts (fnmatch patterns): the Service by its short name, with
     * and without the port, its namespaced names ({@code <svc>.<namespace>.svc...}, whatever the
     * overlay's namespace), localhost for a port-forward, and pod addresses for Prometheus's scrapes
     * ({@link #POD_ADDRESS_HOSTS}), and the UI's host when it has an Ingress (oauth2-proxy passes the
     * request's Host header on). /health is exempt, so probes pass.
     */
    static String allowedHosts(String service, String host) {
        List<String> hosts = new ArrayList<>(List.of(service, service + ":" + RenderContext.MLFLOW_PORT, service + ".*",
                "localhost", "localhost:*"));
        if (host != null) {
            hosts.add(host);
        }
        hosts.addAll(POD_ADDRESS_HOSTS);
        return String.join(",", hosts);
    }

    /**
     * What the templates see; every value is already derived. Nullable: {@code origin} and {@code host}
     * (no Ingress: the UI by port-forward), {@code proxy} (no oauth2-proxy in front of the UI).
     *
     * @param origin the UI's origin, which MLflow's CORS check lets send requests that change state
     */
    public record MlflowView(String name, Map<String, String> labels, Map<String, String> selector,
                             Map<String, String> podLabels, String serviceAccount, String image, int replicas, int port,
                             String allowedHosts, String origin, String secret, String secretKey, String uriEnv,
                             String artifactRoot, String metricsDirectory, int user, String cpu, String memory,
                             Migration migration, AuthProxy.View proxy, String host, boolean tls, String tlsSecret) {}

    /** The {@code mlflow db upgrade} Job that runs before each sync (an Argo CD PreSync hook). */
    public record Migration(String name, Map<String, String> labels, Map<String, String> podLabels, int deadlineSeconds,
                            String script, String cpu, String memory) {}
}
