package dev.mlgitops.render;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.DeploymentServing.EnvView;

/**
 * How a served model named by {@code model.registered} reaches its server, the same for every
 * serving engine: an init container {@value #CONTAINER} runs MLflow's client,
 * {@code mlflow artifacts download --artifact-uri models:/<name>@<alias> --dst-path <dir>} (or
 * {@code models:/<name>/<version>}), against {@code MLFLOW_TRACKING_URI}, the address every stage
 * gets ({@link Addresses}); it writes into an emptyDir the server then reads. The tracking
 * server serves the artifacts itself ({@code --serve-artifacts}), so the pod talks to MLflow only,
 * never to the artifact store. The reference sits in the env var
 * {@value Spec.Registered#URI_ENV}, which the arguments name as {@code $(...)}: a release pins
 * that value (and the pod label {@value Spec.Registered#LABEL}) in an environment's overlay.
 *
 * <p>For KServe the init container sits in the predictor's pod (the predictor is a PodSpec) and
 * fetches into {@link KServeServing#MODEL_DIR_VOLUME}, which KServe's webhook mounts at
 * {@value #MOUNT} into the model container, where KServe's runtimes read the model
 * ({@code --model_dir=/mnt/models}); no {@code storageUri}, so KServe adds no storage-initializer.
 * A ClusterStorageContainer would be the other way, but it is cluster-scoped: a tenant's tree
 * makes no cluster-scoped objects, and the AppProject's whitelist would have to grow for it.
 */
final class RegistryFetch {

    static final String CONTAINER = "fetch-model";
    /** The emptyDir the model lands in for engine deployment (kserve: {@link KServeServing#MODEL_DIR_VOLUME}; vllm: its models volume). */
    static final String VOLUME = "registered-model";
    /** Where the model server reads it: KServe's runtimes' model directory, also engine deployment's. */
    static final String MOUNT = "/mnt/models";
    /**
     * The user Istio's sidecar runs as, whose traffic the redirection leaves alone. In a pod with
     * Istio's sidecar (auth jwt), istio-cni redirects every container's traffic to the proxy from
     * the pod's start, but the proxy starts after the init containers: their traffic would be
     * lost. Istio's documented fix ("Compatibility with application init containers", istio.io
     * CNI setup) is to run such an init container as this user; it stays non-root.
     */
    static final int MESH_BYPASS_USER = 1337;
    /** MLflow's client resolving one version and copying its files: CPU-light, memory for the Python process. */
    static final Spec.Resources RESOURCES = new Spec.Resources("250m", "512Mi", null);

    /** The connection the init container opens, for the serving engines' {@link RuntimeContract}s. */
    static final RuntimeContract.Connection CONNECTION = new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE,
            Stage.MODEL_REGISTRY.folder(), RenderContext.MLFLOW_PORT,
            "the fetch-model init container resolves model.registered and downloads its files through MLflow",
            "model.registered");

    private RegistryFetch() {
    }

    /**
     * The init container for a served model, or null when the model is not registered.
     *
     * @param volume      the volume the model lands on
     * @param mountPath   where the init container mounts that volume
     * @param destination the folder the model's files are written into (the server reads it)
     */
    static View of(RenderContext context, Spec.ServingModel serving, String volume, String mountPath, String destination) {
        Spec.Registered registered = registered(serving);
        if (registered == null) {
            return null;
        }
        Spec.ModelRegistry registry = context.spec().modelRegistry();
        String image = registry == null || registry.image() == null ? MlflowRegistry.DEFAULT_IMAGE
                : context.environment().image(registry.image());
        List<EnvView> env = List.of(
                new EnvView(Addresses.MLFLOW_TRACKING_URI, context.mlflowUrl(), null, null),
                new EnvView(Spec.Registered.URI_ENV, registered.reference(), null, null));
        List<String> args = List.of("artifacts", "download", "--artifact-uri", "$(" + Spec.Registered.URI_ENV + ")",
                "--dst-path", destination);
        int user = serving.auth() != null && serving.auth().jwt() ? MESH_BYPASS_USER : 0;
        return new View(CONTAINER, image, args, env, RESOURCES.cpu(), RESOURCES.memory(), user, volume, mountPath,
                destination);
    }

    /** The pod labels with {@value Spec.Registered#LABEL} for a registered model; unchanged otherwise. */
    static Map<String, String> podLabels(Map<String, String> labels, Spec.ServingModel serving) {
        Spec.Registered registered = registered(serving);
        if (registered == null) {
            return labels;
        }
        Map<String, String> withVersion = new TreeMap<>(labels);
        withVersion.put(Spec.Registered.LABEL, Spec.Registered.label(registered.reference()));
        return withVersion;
    }

    static Spec.Registered registered(Spec.ServingModel serving) {
        return serving.model() == null ? null : serving.model().registered();
    }

    /**
     * The init container as the templates see it ({@code lib/registry.ftl}).
     *
     * @param args      the MLflow client's arguments; the reference comes from the env by {@code $(...)}
     * @param runAsUser the container's own user ({@value #MESH_BYPASS_USER} in Istio's mesh), 0 for the pod's
     */
    public record View(String name, String image, List<String> args, List<EnvView> env, String cpu, String memory,
                       int runAsUser, String volume, String mountPath, String destination) {}
}
