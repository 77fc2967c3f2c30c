package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;

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
