package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;

import dev.mlgitops.model.Stage;
import dev.mlgitops.render.DeploymentServing.EnvView;

/**
 * The environment variables by which training, serving and notebook pods find the feature server and the
 * MLflow tracking server: present only when the spec has that stage, the addresses from
 * {@link RenderContext}, the one place that names those Services.
 */
final class Addresses {

    static final String MLFLOW_TRACKING_URI = "MLFLOW_TRACKING_URI";
    static final String FEAST_FEATURE_SERVER_URL = "FEAST_FEATURE_SERVER_URL";

    private Addresses() {
    }

    /**
     * The connections that {@link #env} wires, for an engine's {@link RuntimeContract}, after the
     * engine's own.
     */
    static List<RuntimeContract.Connection> withConnections(RuntimeContract.Connection... own) {
        List<RuntimeContract.Connection> connections = new ArrayList<>(List.of(own));
        connections.add(new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, Stage.MODEL_REGISTRY.folder(),
                RenderContext.MLFLOW_PORT, MLFLOW_TRACKING_URI, "spec.modelRegistry"));
        connections.add(new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, Stage.FEATURE_STORE.folder(),
                RenderContext.FEATURE_SERVER_PORT, FEAST_FEATURE_SERVER_URL, "spec.featureStore"));
        return List.copyOf(connections);
    }

    static List<EnvView> env(RenderContext context) {
        List<EnvView> env = new ArrayList<>();
        if (context.spec().modelRegistry() != null) {
            env.add(new EnvView(MLFLOW_TRACKING_URI, context.mlflowUrl(), null, null));
        }
        if (context.spec().featureStore() != null) {
            env.add(new EnvView(FEAST_FEATURE_SERVER_URL, context.featureServerUrl(), null, null));
        }
        return env;
    }
}
