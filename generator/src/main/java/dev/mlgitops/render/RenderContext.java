package dev.mlgitops.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * The context of rendering one environment: what every blueprint of that rendering shares, the
 * environment itself, object names, labels and the addresses of the other stages.
 */
public record RenderContext(ResolvedEnvironment environment) {

    static final String NAME_LABEL = "app.kubernetes.io/name";

    String name() {
        return environment.metadata().name();
    }

    Spec spec() {
        return environment.spec();
    }

    /** The feature server's Service (feast serve's default port), by which serving and training reach it. */
    static final int FEATURE_SERVER_PORT = 6566;
    /** The MLflow tracking server's Service port. */
    static final int MLFLOW_PORT = 5000;
    /** HTTPS: bucket endpoints (S3, GCS, Azure Blob) and model downloads. */
    static final int HTTPS_PORT = 443;
    /** The Kubernetes API server's own port (kube-apiserver --secure-port's default). */
    static final int APISERVER_PORT = 6443;
    /** Redis's default port, the online store's. */
    static final int REDIS_PORT = 6379;

    /** A model given the online store's Secret reads Redis (the explainer, on either serving engine). */
    static final RuntimeContract.Connection ONLINE_STORE = new RuntimeContract.Connection(RuntimeContract.PeerKind.EXTERNAL,
            "online store", REDIS_PORT, "a model given the online store's Secret reads Redis", "secretEnv: the online store's");

    /** The feature server's and MLflow's Services without the project's prefix. */
    static final String FEATURE_SERVER_SERVICE = "feature-server";
    static final String MLFLOW_SERVICE = "mlflow";

    /** The feature server's Service name; every reference to it goes through here. */
    String featureServerName() {
        return objectName(FEATURE_SERVER_SERVICE);
    }

    /** The MLflow tracking server's Service name; every reference to it goes through here. */
    String mlflowName() {
        return objectName(MLFLOW_SERVICE);
    }

    /**
     * The feature server's address inside the namespace. A short name, not
     * {@code <svc>.<namespace>.svc}, so the base needs no namespace and overlays need no patch.
     */
    String featureServerUrl() {
        return "http://" + featureServerName() + ":" + FEATURE_SERVER_PORT;
    }

    /** MLflow's tracking URI inside the namespace (see {@link #featureServerUrl()} for why a short name). */
    String mlflowUrl() {
        return "http://" + mlflowName() + ":" + MLFLOW_PORT;
    }

    /**
     * The Secret behind an entry of {@code spec.secrets.entries}; every reference to a secret goes
     * through here. Provider {@code external-secrets}: {@code <project>-<entry>}, the target of the
     * entry's ExternalSecret. Provider {@code existing}: the entry's {@code key}, the name of a Secret
     * that already exists in the namespace (made by hand; mlgitops makes no object for it).
     */
    String secretName(String entry) {
        Spec.Secrets secrets = spec().secrets();
        if (secrets != null && secrets.existing() && secrets.entries().containsKey(entry)) {
            return secrets.entries().get(entry).key();
        }
        return objectName(entry);
    }

    /**
     * The pods of one stage of this context, for NetworkPolicy rules. Unlike workload selectors
     * these may use more than the name label: a NetworkPolicy's selectors can change.
     */
    Map<String, String> stageSelector(Stage stage) {
        // sorted: Map.of would iterate in a different order on each run
        return new TreeMap<>(Map.of("app.kubernetes.io/part-of", name(), "app.kubernetes.io/component", stage.folder()));
    }

    /**
     * The Service, without the project's prefix, by which pods reach the stage {@code stage}, when
     * this environment has it and it is one other stages call (the feature server, MLflow).
     */
    Optional<String> stageService(Stage stage) {
        if (stage == Stage.FEATURE_STORE && spec().featureStore() != null) {
            return Optional.of(FEATURE_SERVER_SERVICE);
        }
        if (stage == Stage.MODEL_REGISTRY && spec().modelRegistry() != null) {
            return Optional.of(MLFLOW_SERVICE);
        }
        return Optional.empty();
    }

    /** Every object is named {@code <project>-<thing>}, so two projects can share a namespace. */
    String objectName(String thing) {
        return name() + "-" + thing;
    }

    /**
     * The labels on every object of a stage: the spec's own {@code metadata.labels}, then ours,
     * which win on a clash. None of them is ever used in a selector (see {@link #selector}).
     */
    Map<String, String> labels(Stage stage) {
        // sorted, so every label map reads the same wherever it sits (KubeYaml sorts only metadata's)
        Map<String, String> labels = new TreeMap<>(environment.metadata().labels());
        labels.put("app.kubernetes.io/part-of", name());
        labels.put("app.kubernetes.io/managed-by", "mlgitops");
        labels.put("app.kubernetes.io/component", stage.folder());
        if (environment.metadata().team() != null) {
            labels.put("mlgitops.dev/team", environment.metadata().team());
        }
        return labels;
    }

    /** The labels of one workload: the stage's plus its immutable selector label. */
    Map<String, String> labels(Stage stage, String objectName) {
        Map<String, String> labels = labels(stage);
        labels.putAll(selector(objectName));
        return labels;
    }

    /** Selectors use only the name label: Deployment selectors are immutable, other labels change. */
    static Map<String, String> selector(String objectName) {
        return Map.of(NAME_LABEL, objectName);
    }

    /** The labels of a workload's pods; Azure's webhook only mutates pods that carry its label. */
    Map<String, String> podLabels(Stage stage, String objectName) {
        Map<String, String> labels = labels(stage, objectName);
        if (CloudIdentity.AZURE.matches(spec())) {
            labels.put("azure.workload.identity/use", "true");
        }
        return labels;
    }
}
