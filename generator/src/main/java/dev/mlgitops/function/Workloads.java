package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.mlgitops.render.Engine;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.RuntimeContract;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The workloads among an environment's objects and the pods each runs, as the cluster will run
 * them: their labels, containers (with what operators inject) and how many at the largest scale,
 * counted as the engine's contract declares the object's kind ({@link RuntimeContract#workloads}).
 */
final class Workloads {

    private Workloads() {
    }

    /**
     * One kind of pod of a workload.
     *
     * @param role       the replica type or template name ({@code Worker}, {@code train}); empty when one
     * @param labels     the pod's labels
     * @param pod        the node holding the pod's fields (securityContext, volumes, containers)
     * @param containers every container, init containers first, each with its name, those an operator injects too
     * @param count      how many such pods run at once at the largest scale
     * @param task       the DAG task of an Argo template and what it depends on; empty otherwise
     * @param extra      pods of the same kind that run beside them for a while at that scale (a rolling
     *                   update's surge, a canary's second revision); they count for the quota only
     * @param extraWhy   what those extra pods are, empty when none
     */
    record PodGroup(String role, Map<String, String> labels, JsonNode pod, List<Container> containers, int count,
                    List<String> task, int extra, String extraWhy) {

        PodGroup(String role, Map<String, String> labels, JsonNode pod, List<Container> containers, int count,
                 List<String> task) {
            this(role, labels, pod, containers, count, task, 0, "");
        }

        PodGroup withExtra(int pods, String why) {
            return new PodGroup(role, labels, pod, containers, count, task, pods, why);
        }

        Map<String, Integer> namedPorts() {
            Map<String, Integer> ports = new TreeMap<>();
            containers.forEach(c -> c.node().path("ports").forEach(port -> {
                if (port.has("name")) {
                    ports.put(port.get("name").asString(""), port.path("containerPort").asInt());
                }
            }));
            return ports;
        }
    }

    /**
     * One container of a pod.
     *
     * @param injected the operator's entry when an operator adds it; null for the object's own
     */
    record Container(String name, boolean init, JsonNode node, RuntimeContract.Injected injected) {}

    /** KServe's model container, as KServe names it in a predictor's pod. */
    static final String KSERVE_MODEL = "kserve-container";
    /**
     * The port KServe's runtimes serve on ({@code --http_port=8080}, constants.InferenceServiceDefaultHttpPort),
     * whether or not the predictor's {@code model} declares it: behind an auth-proxy it declares none.
     */
    static final int KSERVE_MODEL_PORT = 8080;
    /** KServe's agent container and the port it takes the queue-proxy's traffic on (constants.InferenceServiceDefaultAgentPort). */
    static final String KSERVE_AGENT_NAME = "agent";
    static final int KSERVE_AGENT_PORT = 9081;

    /**
     * The ports a container listens on: those it declares, and for KServe's model container its
     * runtime's port, declared or not (a port Knative does not route to is still open on the pod's address).
     */
    static List<Integer> listenPorts(Container container) {
        List<Integer> ports = new ArrayList<>();
        container.node().path("ports").forEach(port -> ports.add(port.path("containerPort").asInt()));
        if (container.name().equals(KSERVE_MODEL) && !container.init() && !ports.contains(KSERVE_MODEL_PORT)) {
            ports.add(KSERVE_MODEL_PORT);
        }
        return ports;
    }

    /**
     * The containers operators add, by the kind of object whose pods get them: what the engines'
     * contracts declare and the checks model, the first declaration of a name for a kind counting.
     */
    private static final Map<String, List<RuntimeContract.Injected>> INJECTED = injected();

    private static Map<String, List<RuntimeContract.Injected>> injected() {
        Map<String, Map<String, RuntimeContract.Injected>> byKind = new LinkedHashMap<>();
        for (Engine engine : Engines.all()) {
            for (RuntimeContract.Injected injected : engine.contract().injected()) {
                if (injected.modeled()) {
                    byKind.computeIfAbsent(injected.into(), key -> new LinkedHashMap<>())
                            .putIfAbsent(injected.container(), injected);
                }
            }
        }
        Map<String, List<RuntimeContract.Injected>> lists = new LinkedHashMap<>();
        byKind.forEach((kind, injected) -> lists.put(kind, List.copyOf(injected.values())));
        return Map.copyOf(lists);
    }

    /**
     * KServe's agent as the kserve engine declares it: added beside a {@code logger} or a
     * {@code batcher}, and as the puller of a multi-model predictor ({@link #multiModel}); and
     * written per pod, as KServe copies the model container's securityContext into it.
     */
    private static final RuntimeContract.Injected KSERVE_AGENT = Engines.all().stream()
            .flatMap(engine -> engine.contract().injected().stream())
            .filter(injected -> injected.container().equals(KSERVE_AGENT_NAME) && injected.by().equals("KServe"))
            .findFirst().orElseThrow();

    /** The agent container as KServe writes it beside {@code model}: inferenceservice-config's agent defaults. */
    private static JsonNode kserveAgent(JsonNode model) {
        ObjectNode container = KubeYaml.newObject();
        container.put("name", KSERVE_AGENT.container());
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", "100m").put("memory", "100Mi");
        resources.putObject("limits").put("cpu", "1").put("memory", "1Gi");
        if (model.has("securityContext")) {
            container.set("securityContext", model.get("securityContext").deepCopy());
        }
        return container;
    }

    /** The containers operators add to the pods of {@code kind}, init containers or not. */
    private static List<RuntimeContract.Injected> injectedInto(String kind, boolean init) {
        return INJECTED.getOrDefault(kind, List.of()).stream().filter(injected -> injected.init() == init).toList();
    }

    /** A workload: the object, its pods, and whether it runs to completion (a batch) or until stopped. */
    record Workload(TypedObject object, List<PodGroup> groups, boolean batch) {

        String describe() {
            return object.key().kind() + " " + object.key().name();
        }
    }

    /**
     * How an object no engine declares is counted (a workload a blueprint override adds): by what
     * its kind runs, as the engines declare it for the same kind.
     */
    private static final Map<String, RuntimeContract.Scaling> BY_KIND = declaredByKind();

    /** Every kind an engine declares, with its scaling; the engines must agree on each kind. */
    private static Map<String, RuntimeContract.Scaling> declaredByKind() {
        Map<String, RuntimeContract.Scaling> byKind = new HashMap<>();
        for (Engine engine : Engines.all()) {
            engine.contract().workloads().forEach((kind, scaling) -> byKind.merge(kind, scaling, (one, other) -> {
                if (one != other) {
                    throw new IllegalStateException("the engines count " + kind + " both as " + one + " and as " + other);
                }
                return one;
            }));
        }
        return Map.copyOf(byKind);
    }

    /** The kinds whose pods run to completion. */
    private static final Set<String> BATCH = Set.of("Job", "CronJob", "PyTorchJob", "WorkflowTemplate");

    /**
     * How the pods of {@code object} are counted: as its engine's contract declares for its kind,
     * else as {@link #BY_KIND} says; {@link RuntimeContract.Scaling#NONE} for what runs no pods.
     */
    static RuntimeContract.Scaling scaling(TypedObject object) {
        String kind = object.key().groupKind();
        return Engines.emitting(object.blueprint())
                .map(engine -> engine.contract().workloads().get(kind))
                .or(() -> Optional.ofNullable(BY_KIND.get(kind)))
                .orElse(RuntimeContract.Scaling.NONE);
    }

    static List<Workload> of(List<TypedObject> objects) {
        Map<String, Integer> autoscaled = new LinkedHashMap<>();
        for (TypedObject object : objects) {
            if (object.key().kind().equals("HorizontalPodAutoscaler")) {
                JsonNode spec = object.manifest().path("spec");
                autoscaled.put(spec.path("scaleTargetRef").path("kind").asString("") + "/"
                        + spec.path("scaleTargetRef").path("name").asString(""), spec.path("maxReplicas").asInt(1));
            }
        }
        List<Workload> workloads = new ArrayList<>();
        // the podSpecPatch texts parsed, by text: the pipelines' templates mostly carry the same few (read, never changed)
        Map<String, JsonNode> patches = new HashMap<>();
        for (TypedObject object : objects) {
            workload(object, autoscaled, patches).ifPresent(workloads::add);
            if (object.key().kind().equals("WorkflowTemplate")) {
                // the jobs its resource steps create run in the namespace too, counted as their engine declares
                created(object).forEach(job -> workload(job, autoscaled, patches).ifPresent(workloads::add));
            }
        }
        return workloads;
    }

    /** The object's pods as its declared scaling counts them; empty when it runs none of its own. */
    private static Optional<Workload> workload(TypedObject object, Map<String, Integer> autoscaled,
                                               Map<String, JsonNode> patches) {
        JsonNode spec = object.manifest().path("spec");
        boolean batch = BATCH.contains(object.key().kind());
        List<PodGroup> groups = switch (scaling(object)) {
            case NONE -> List.of();
            case REPLICAS -> replicas(object, autoscaled.getOrDefault(object.key().kind() + "/" + object.key().name(), -1));
            case MASTER_AND_WORKERS -> pytorch(spec);
            case PARALLEL_STEPS -> argo(spec, patches);
        };
        return groups.isEmpty() ? Optional.empty() : Optional.of(new Workload(object, groups, batch));
    }

    /** One pod template times the object's most replicas; {@code scaled} is its autoscaler's maximum, or -1. */
    private static List<PodGroup> replicas(TypedObject object, int scaled) {
        JsonNode spec = object.manifest().path("spec");
        return switch (object.key().kind()) {
            case "Deployment" -> {
                int replicas = scaled > 0 ? scaled : spec.path("replicas").asInt(1);
                PodGroup group = group("", spec.path("template"), replicas);
                int surge = surge(spec.path("strategy"), replicas);
                yield List.of(surge == 0 ? group : group.withExtra(surge, "surging in a rolling update"));
            }
            case "StatefulSet" -> List.of(group("", spec.path("template"), scaled > 0 ? scaled : spec.path("replicas").asInt(1)));
            case "Job" -> List.of(group("", spec.path("template"), spec.path("parallelism").asInt(1)));
            case "CronJob" -> List.of(group("", spec.path("jobTemplate").path("spec").path("template"),
                    spec.path("jobTemplate").path("spec").path("parallelism").asInt(1)));
            case "InferenceService" -> kserve(object.manifest());
            default -> throw new IllegalStateException(object.key().groupKind() + " is declared to scale by replicas,"
                    + " but its replicas are read nowhere: teach Workloads.replicas the kind");
        };
    }

    /**
     * The pods a Deployment's rolling update adds beyond its replicas: {@code maxSurge}, a number or a
     * percentage of the replicas rounded up, 25% when unset (the apps/v1 default); none for Recreate.
     */
    static int surge(JsonNode strategy, int replicas) {
        if (strategy.path("type").asString("RollingUpdate").equals("Recreate")) {
            return 0;
        }
        JsonNode maxSurge = strategy.path("rollingUpdate").path("maxSurge");
        if (maxSurge.isNumber()) {
            return maxSurge.asInt();
        }
        String text = maxSurge.asString("25%");
        if (text.endsWith("%")) {
            int percent = Integer.parseInt(text.substring(0, text.length() - 1));
            return (replicas * percent + 99) / 100;
        }
        return Integer.parseInt(text);
    }

    private static PodGroup group(String role, JsonNode template, int count) {
        JsonNode pod = template.path("spec");
        return new PodGroup(role, labels(template.path("metadata").path("labels")), pod, containers(pod), count, List.of());
    }

    private static List<PodGroup> pytorch(JsonNode spec) {
        List<PodGroup> groups = new ArrayList<>();
        JsonNode replicas = spec.path("pytorchReplicaSpecs");
        boolean master = replicas.has("Master");
        for (var entry : replicas.properties()) {
            JsonNode template = entry.getValue().path("template");
            JsonNode pod = template.path("spec");
            List<Container> containers = new ArrayList<>();
            if (master && entry.getKey().equals("Worker")) {
                // appended after the template's own init containers, as the operator writes it: no securityContext
                injectedInto("PyTorchJob", true).forEach(injected -> containers.add(
                        new Container(injected.container(), true, injected.written(), injected)));
            }
            containers.addAll(containers(pod));
            groups.add(new PodGroup(entry.getKey(), labels(template.path("metadata").path("labels")), pod, containers,
                    entry.getValue().path("replicas").asInt(1), List.of()));
        }
        return groups;
    }

    /**
     * The PyTorchJobs a WorkflowTemplate's resource steps create (action create), as objects of the
     * template's spec item, named by their generateName: their pods run in the namespace like any other.
     */
    static List<TypedObject> created(TypedObject template) {
        List<TypedObject> jobs = new ArrayList<>();
        for (JsonNode step : template.manifest().path("spec").path("templates")) {
            JsonNode resource = step.path("resource");
            if (!resource.path("action").asString("").equals("create")) {
                continue;
            }
            JsonNode manifest = PodSpecPatch.parse(resource.path("manifest").asString(""));
            if (manifest instanceof ObjectNode job && job.path("kind").asString("").equals("PyTorchJob")) {
                String name = job.path("metadata").path("generateName").asString(job.path("metadata").path("name").asString(""));
                jobs.add(new TypedObject(template.stage(), template.blueprint(), new ObjectKey(job.path("apiVersion").asString(""),
                        "PyTorchJob", name, true), job, template.source()));
            }
        }
        return jobs;
    }

    private static List<PodGroup> argo(JsonNode spec, Map<String, JsonNode> patches) {
        List<PodGroup> groups = new ArrayList<>();
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        for (JsonNode template : spec.path("templates")) {
            for (JsonNode task : template.path("dag").path("tasks")) {
                List<String> after = new ArrayList<>();
                task.path("dependencies").forEach(d -> after.add(d.asString("")));
                dependencies.put(task.path("template").asString(""), after);
            }
        }
        Map<String, String> podLabels = labels(spec.path("podMetadata").path("labels"));
        for (JsonNode template : spec.path("templates")) {
            JsonNode main = template.has("container") ? template.get("container") : template.path("script");
            if (main.isMissingNode()) {
                continue;
            }
            String name = template.path("name").asString("");
            Map<String, String> labels = new TreeMap<>(podLabels);
            labels.putAll(labels(template.path("metadata").path("labels")));
            JsonNode patch = patches.computeIfAbsent(template.path("podSpecPatch").asString(""), PodSpecPatch::parse);
            List<Container> containers = new ArrayList<>();
            for (RuntimeContract.Injected injected : INJECTED.getOrDefault("WorkflowTemplate", List.of())) {
                JsonNode patched = PodSpecPatch.container(patch, injected.init(), injected.container());
                containers.add(new Container(injected.container(), injected.init(),
                        patched == null || patched.isMissingNode() ? injected.written() : patched, injected));
            }
            containers.add(new Container("main", false, main, null));
            ObjectNode pod = (ObjectNode) template.deepCopy();
            if (!template.has("securityContext") && spec.has("securityContext")) {
                pod.set("securityContext", spec.get("securityContext"));
            }
            if (!template.has("volumes") && spec.has("volumes")) {
                pod.set("volumes", spec.get("volumes"));
            }
            List<String> task = new ArrayList<>();
            task.add(name);
            task.addAll(dependencies.getOrDefault(name, List.of()));
            groups.add(new PodGroup(name, labels, pod, containers, 1, task));
        }
        return groups;
    }

    private static List<PodGroup> kserve(ObjectNode manifest) {
        JsonNode predictor = manifest.path("spec").path("predictor");
        Map<String, String> labels = labels(manifest.path("metadata").path("labels"));
        labels.putAll(labels(predictor.path("labels")));
        List<Container> containers = new ArrayList<>(containers(predictor));
        if (predictor.has("model")) {
            containers.add(new Container(KSERVE_MODEL, false, predictor.get("model"), null));
        }
        injectedInto("InferenceService", false).forEach(injected -> containers.add(
                new Container(injected.container(), false, injected.written(), injected)));
        if (predictor.has("logger") || predictor.has("batcher") || multiModel(predictor)) {
            containers.add(new Container(KSERVE_AGENT.container(), false, kserveAgent(predictor.path("model")), KSERVE_AGENT));
        }
        int count = Math.max(predictor.has("maxReplicas") ? predictor.get("maxReplicas").asInt()
                : predictor.path("minReplicas").asInt(1), 1);
        PodGroup group = new PodGroup("predictor", labels, predictor, containers, count, List.of());
        // a canary runs the new revision beside the previous one, each scaled by its own share of the traffic
        return List.of(predictor.has("canaryTrafficPercent")
                ? group.withExtra(count, "of the previous revision beside the canary") : group);
    }

    /**
     * Whether KServe counts the predictor multi-model and so adds its agent (the puller): a
     * {@code model} with neither {@code storageUri} nor {@code storage} (nor the predictor's {@code storageUris}),
     * not a huggingface one, and
     * no extra containers ({@code IsMMSPredictor}, KServe's inferenceservice utils); a registered
     * model fetched by an init container is one.
     */
    static boolean multiModel(JsonNode predictor) {
        JsonNode model = predictor.path("model");
        return !model.isMissingNode() && !model.has("storageUri") && !model.has("storage") && !predictor.has("storageUris")
                && !model.path("modelFormat").path("name").asString("").equals("huggingface")
                && predictor.path("containers").isEmpty();
    }

    private static List<Container> containers(JsonNode pod) {
        List<Container> found = new ArrayList<>();
        pod.path("initContainers").forEach(c -> found.add(new Container(c.path("name").asString(""), true, c, null)));
        pod.path("containers").forEach(c -> found.add(new Container(c.path("name").asString(""), false, c, null)));
        return found;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
        return labels;
    }
}
