package dev.mlgitops.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.RuntimeContract.Connection;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feature store engine {@code feast}: the feature server (Deployment and Service, named by
 * {@link RenderContext#featureServerName()}), the ConfigMap holding its {@code feature_store.yaml}, and
 * the CronJob that materializes incrementally into the online store when a schedule is set.
 */
final class FeastFeatureStore implements Engine {

    private static final RuntimeContract CONTRACT = new RuntimeContract(
            // the stores' policy lists its ports in this order
            List.of(Connection.external("object store", 443, "the registry and the offline store")
                            .inPolicy(ContractPolicies.STORES),
                    Connection.external("online store", 0, "onlineStore (Redis: 6379)").inPolicy(ContractPolicies.STORES)),
            List.of(Connection.stage(Stage.TRAINING, RenderContext.FEATURE_SERVER_PORT, "features for training"),
                    Connection.stage(Stage.SERVING, RenderContext.FEATURE_SERVER_PORT, "features for serving"),
                    Connection.stage(Stage.NOTEBOOKS, RenderContext.FEATURE_SERVER_PORT, "features for notebooks")),
            List.of(),
            List.of(),
            Map.of("apps/Deployment", RuntimeContract.Scaling.REPLICAS,
                    "batch/CronJob", RuntimeContract.Scaling.REPLICAS));

    /** The feature server image when the spec names none: the Feast version stage-reference 1a pins. */
    static final String DEFAULT_IMAGE = "quay.io/feastdev/feature-server:0.66.0";
    /** The workload kind, and so the ServiceAccount {@code <project>-feature-store}. */
    static final String WORKLOAD = Stage.FEATURE_STORE.folder();
    /** The key of the online store's Secret that holds Feast's {@code connection_string}. */
    static final String CONNECTION_STRING_KEY = "connection_string";
    /** The variable feature_store.yaml expands ({@code ${VAR}}) to the connection string at start. */
    static final String CONNECTION_STRING_ENV = "FEAST_ONLINE_STORE_CONNECTION_STRING";
    /** Where the ConfigMap is mounted: the repo directory {@code feast -c} reads. */
    static final String REPO_DIR = "/feature_repo";
    /** The image's numeric user (its Dockerfile's {@code USER 1001}). */
    static final int USER = 1001;

    private static final Spec.Resources DEFAULT_RESOURCES = new Spec.Resources("500m", "1Gi", null);

    @Override
    public Stage stage() {
        return Stage.FEATURE_STORE;
    }

    @Override
    public String name() {
        return "feast";
    }

    @Override
    public String folder() {
        return "feature-store/feast";
    }

    @Override
    public List<String> templates() {
        return List.of("configmap.yaml.ftl", "deployment.yaml.ftl", "service.yaml.ftl", "cronjob.yaml.ftl");
    }

    @Override
    public RuntimeContract contract() {
        return CONTRACT;
    }

    @Override
    public List<ItemModel> models(RenderContext context, Findings findings) {
        return mine(context).map(store -> List.of(new ItemModel("/featureStore", Map.of("feast", view(context, store)))))
                .orElse(List.of());
    }

    @Override
    public TenancyNeeds needs(RenderContext context) {
        // who may reach the server is the users' ask (ContractPolicies#opened, from their contracts), not the server's
        // its stores, from the contract's connections: the online store is Redis
        return mine(context).map(store -> TenancyNeeds.withEgress(List.of(WORKLOAD), ContractPolicies.egress(context, stage(),
                        ContractPolicies.STORES, CONTRACT, connection -> List.of(RenderContext.REDIS_PORT)).stream().toList()))
                .orElse(TenancyNeeds.NONE);
    }

    /** The spec's feature store when this engine renders it. */
    private Optional<Spec.FeatureStore> mine(RenderContext context) {
        return Optional.ofNullable(context.spec().featureStore()).filter(store -> name().equals(store.engine()));
    }

    private static FeastView view(RenderContext context, Spec.FeatureStore store) {
        String server = context.featureServerName();
        Spec.Server spec = store.server();
        Spec.Resources resources = spec == null || spec.resources() == null ? DEFAULT_RESOURCES : spec.resources();
        int replicas = spec == null || spec.replicas() == null ? 1 : spec.replicas();
        String secret = store.onlineStore() == null || store.onlineStore().secret() == null ? null
                : context.secretName(store.onlineStore().secret());
        String materialize = context.objectName("materialize");
        return new FeastView(
                server,
                context.labels(Stage.FEATURE_STORE, server),
                RenderContext.selector(server),
                context.podLabels(Stage.FEATURE_STORE, server),
                materialize,
                context.labels(Stage.FEATURE_STORE, materialize),
                context.podLabels(Stage.FEATURE_STORE, materialize),
                store.materialize() == null ? null : store.materialize().schedule(),
                context.objectName("feature-store"),
                context.labels(Stage.FEATURE_STORE),
                featureStoreYaml(store, secret != null),
                context.objectName(WORKLOAD),
                store.image() == null ? DEFAULT_IMAGE : context.environment().image(store.image()),
                replicas,
                RenderContext.FEATURE_SERVER_PORT,
                secret,
                resources.cpu(), resources.memory());
    }

    /**
     * The {@code feature_store.yaml} text, written by the YAML library so the spec's values are
     * escaped. The connection string is a {@code ${VAR}} Feast expands from its environment at start
     * (repo_config.py), so the Secret's value never lands in the ConfigMap.
     */
    static String featureStoreYaml(Spec.FeatureStore store, boolean secret) {
        ObjectNode yaml = KubeYaml.newObject();
        yaml.put("project", store.project());
        yaml.put("provider", "local");
        yaml.put("registry", store.registry());
        if (store.onlineStore() != null) {
            ObjectNode online = yaml.putObject("online_store").put("type", store.onlineStore().type());
            if (secret) {
                online.put("connection_string", "${" + CONNECTION_STRING_ENV + "}");
            }
        }
        if (store.offlineStore() != null) {
            yaml.putObject("offline_store").put("type", store.offlineStore().type());
        }
        yaml.put("entity_key_serialization_version", 3);
        return KubeYaml.write(yaml);
    }

    /**
     * What the templates see. Nullable: {@code schedule} (no materialization), {@code secret} (an
     * online store without credentials).
     */
    public record FeastView(String name, Map<String, String> labels, Map<String, String> selector,
                            Map<String, String> podLabels, String materializeName, Map<String, String> materializeLabels,
                            Map<String, String> materializePodLabels, String schedule, String configName,
                            Map<String, String> configLabels, String featureStoreYaml, String serviceAccount,
                            String image, int replicas, int port, String secret, String cpu, String memory) {

        public String connectionStringKey() {
            return CONNECTION_STRING_KEY;
        }

        public String connectionStringEnv() {
            return CONNECTION_STRING_ENV;
        }

        public String repoDir() {
            return REPO_DIR;
        }

        public int user() {
            return USER;
        }
    }
}
