package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed tree, as {@code kubectl kustomize} builds each environment, evaluated again by a
 * second, deliberately small evaluator written here (not the generator's): the paths the platform
 * needs pass the NetworkPolicies, the metadata address does not, every workload fits the quota at
 * its largest scale, and every Argo step patches the executor's containers to Pod Security restricted.
 * It handles only what the tree uses (matchLabels selectors, numeric ports, /0 and /32 blocks) and
 * fails on anything else, so it cannot silently pass a shape it does not understand.
 */
class WrittenTreeRunsTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String OUTSIDE = "203.0.113.10";

    @BeforeAll
    static void kubectlIsThere() throws InterruptedException {
        if (Command.run(Repository.root(), List.of("kubectl", "version", "--client")).exitCode() != 0) {
            fail("kubectl is needed to build the overlays; put it on PATH");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEnvironmentOfTheWrittenTreeRuns() throws IOException {
        Path overlays = Repository.committedGitops().resolve("projects/fraud-detection/overlays");
        try (Stream<Path> environments = Files.list(overlays)) {
            return environments.sorted().toList().stream().map(environment -> DynamicTest.dynamicTest(
                    environment.getFileName().toString(), () -> runs(environment)));
        }
    }

    private static void runs(Path environment) throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> stages = Files.list(environment)) {
            for (Path stage : stages.filter(Files::isDirectory).sorted().toList()) {
                Command.Result build = Command.run(stage, List.of("kubectl", "kustomize", "."));
                assertThat(build.exitCode()).as(build.output()).isZero();
                objects.addAll(YAML.readerFor(JsonNode.class).<JsonNode>readValues(build.output()).readAll());
            }
        }
        String namespace = only(objects, "Namespace").get(0).at("/metadata/name").asString();
        List<JsonNode> policies = only(objects, "NetworkPolicy");
        Map<String, Map<String, String>> pods = pods(objects);

        for (var pod : pods.entrySet()) {
            Map<String, String> labels = pod.getValue();
            String env = pod.getKey();
            // notebooks, training and serving are handed MLflow's (5000) and the feature server's (6566) addresses
            if (List.of("notebooks", "training", "serving").contains(labels.get("app.kubernetes.io/component"))) {
                assertThat(passes(policies, namespace, labels, namespace, pod(pods, "fraud-detection-mlflow"), 5000))
                        .as("%s to MLflow", env).isTrue();
                assertThat(passes(policies, namespace, labels, namespace, pod(pods, "fraud-detection-feature-server"), 6566))
                        .as("%s to the feature server", env).isTrue();
            }
            assertThat(passes(policies, namespace, labels, "", Map.of("ip", "169.254.169.254"), 80))
                    .as("%s to the cloud metadata address", env).isFalse();
        }
        Map<String, String> scorer = pod(pods, "fraud-detection-scorer");
        for (int port : new int[] {8012, 8022, 9090}) {
            assertThat(passes(policies, "knative-serving", Map.of("app", "activator"), namespace, scorer, port))
                    .as("Knative to the scorer on %d", port).isTrue();
        }
        assertThat(passes(policies, "istio-system", Map.of("istio", "ingressgateway"), namespace, scorer, 8012)).isTrue();
        assertThat(passes(policies, "monitoring", Map.of(), namespace, scorer, 9091)).as("Prometheus to the scorer").isTrue();
        assertThat(passes(policies, namespace, scorer, "", Map.of("ip", OUTSIDE), 443)).as("the model download").isTrue();
        assertThat(passes(policies, namespace, pod(pods, "fraud-detection-explainer"), "", Map.of("ip", OUTSIDE), 6379))
                .as("the explainer to Redis").isTrue();
        // the explainer signs users in: clients reach its oauth2-proxy, never the model's own port
        Map<String, String> explainer = pod(pods, "fraud-detection-explainer");
        Map<String, String> client = Map.of("app.kubernetes.io/name", "a-client");
        assertThat(passes(policies, namespace, client, namespace, explainer, 4180)).as("a client to the explainer's proxy").isTrue();
        assertThat(passes(policies, namespace, client, namespace, explainer, 8080)).as("a client past the explainer's proxy").isFalse();
        assertThat(passes(policies, "ingress-nginx", Map.of(), namespace, explainer, 8080)).as("the ingress past the proxy").isFalse();
        assertThat(passes(policies, "monitoring", Map.of(), namespace, explainer, 8080)).as("Prometheus to the explainer").isTrue();
        Map<String, String> ranks = pod(pods, "fraud-detection-distributed");
        assertThat(passes(policies, namespace, ranks, namespace, ranks, 29500)).as("NCCL between ranks").isTrue();
        assertThat(passes(policies, "default", Map.of(), namespace, ranks, 29500)).as("a stranger to the ranks").isFalse();

        fitsTheQuota(objects);
        argoStepsPatchTheExecutor(objects);
    }

    /** Each pod-running object's pod labels, by kind and name. */
    private static Map<String, Map<String, String>> pods(List<JsonNode> objects) {
        Map<String, Map<String, String>> pods = new HashMap<>();
        for (JsonNode object : objects) {
            String id = object.path("kind").asString() + " " + object.at("/metadata/name").asString();
            JsonNode labels = switch (object.path("kind").asString()) {
                case "Deployment", "StatefulSet" -> object.at("/spec/template/metadata/labels");
                case "CronJob" -> object.at("/spec/jobTemplate/spec/template/metadata/labels");
                case "PyTorchJob" -> object.at("/spec/pytorchReplicaSpecs/Master/template/metadata/labels");
                case "WorkflowTemplate" -> object.at("/spec/podMetadata/labels");
                case "InferenceService" -> object.at("/spec/predictor/labels");
                default -> null;
            };
            if (labels != null) {
                Map<String, String> map = new HashMap<>();
                labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
                pods.put(id, map);
            }
        }
        return pods;
    }

    /** Egress of the source and ingress of the destination, each open when no policy of its direction selects it. */
    private static boolean passes(List<JsonNode> policies, String fromNs, Map<String, String> from, String toNs,
                                  Map<String, String> to, int port) {
        boolean out = true;
        boolean in = true;
        boolean outSelected = false;
        boolean inSelected = false;
        boolean outAllowed = false;
        boolean inAllowed = false;
        for (JsonNode policy : policies) {
            String ns = policy.at("/metadata/namespace").asString();
            List<String> types = new ArrayList<>();
            policy.at("/spec/policyTypes").forEach(t -> types.add(t.asString()));
            JsonNode selector = policy.at("/spec/podSelector");
            if (ns.equals(fromNs) && types.contains("Egress") && selects(selector, from)) {
                outSelected = true;
                for (JsonNode rule : policy.at("/spec/egress")) {
                    outAllowed |= peers(rule.path("to"), ns, toNs, to) && ports(rule.path("ports"), port);
                }
            }
            if (ns.equals(toNs) && types.contains("Ingress") && selects(selector, to)) {
                inSelected = true;
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    inAllowed |= peers(rule.path("from"), ns, fromNs, from) && ports(rule.path("ports"), port);
                }
            }
        }
        if (outSelected) {
            out = outAllowed;
        }
        if (inSelected) {
            in = inAllowed;
        }
        return out && in;
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        assertThat(selector.has("matchExpressions")).as("this evaluator knows matchLabels only").isFalse();
        for (var entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asString().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean peers(JsonNode peers, String policyNs, String otherNs, Map<String, String> other) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                String ip = other.get("ip");
                if (ip != null && block(peer.get("ipBlock"), ip)) {
                    return true;
                }
                continue;
            }
            if (other.containsKey("ip")) {
                continue;
            }
            boolean nsOk = peer.has("namespaceSelector")
                    ? otherNs.equals(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString(null))
                    : otherNs.equals(policyNs);
            if (nsOk && (!peer.has("podSelector") || selects(peer.get("podSelector"), other))) {
                return true;
            }
        }
        return false;
    }

    private static boolean block(JsonNode block, String ip) {
        String cidr = block.path("cidr").asString();
        if (cidr.contains(":") != ip.contains(":")) {
            return false;
        }
        assertThat(cidr).as("this evaluator knows /0 blocks only").endsWith("/0");
        for (JsonNode except : block.path("except")) {
            assertThat(except.asString()).as("this evaluator knows /32 and /128 exceptions only").matches(".*/(32|128)");
            if (except.asString().startsWith(ip + "/")) {
                return false;
            }
        }
        return true;
    }

    private static boolean ports(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode allowed : ports) {
            assertThat(allowed.path("port").isNumber()).as("this evaluator knows numeric ports only: %s", allowed).isTrue();
            if (allowed.path("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each workload at its largest scale within the quota's cpu, memory and GPU requests: a
     * Deployment with its rolling update's surge (maxSurge, 25% rounded up by default, none when
     * Recreate), an InferenceService with Knative's queue-proxy in each pod (25m CPU, the
     * LimitRange's default for the rest) and, during a canary, the previous revision's pods beside it.
     */
    private static void fitsTheQuota(List<JsonNode> objects) {
        JsonNode hard = only(objects, "ResourceQuota").get(0).at("/spec/hard");
        ObjectNode queueProxy = JsonNodeFactory.instance.objectNode();
        ObjectNode queueRequests = queueProxy.putObject("resources").putObject("requests");
        for (JsonNode limit : only(objects, "LimitRange").get(0).at("/spec/limits")) {
            if (limit.path("type").asString().equals("Container")) {
                limit.path("defaultRequest").properties().forEach(entry -> queueRequests.set(entry.getKey(), entry.getValue()));
            }
        }
        queueRequests.put("cpu", "25m");
        Map<String, Integer> maxReplicas = new HashMap<>();
        only(objects, "HorizontalPodAutoscaler").forEach(hpa -> maxReplicas.put(hpa.at("/spec/scaleTargetRef/name").asString(),
                hpa.at("/spec/maxReplicas").asInt()));
        for (JsonNode object : objects) {
            String name = object.at("/metadata/name").asString();
            List<JsonNode> containers = new ArrayList<>();
            int pods;
            switch (object.path("kind").asString()) {
                case "Deployment", "StatefulSet" -> {
                    object.at("/spec/template/spec/containers").forEach(containers::add);
                    int replicas = maxReplicas.getOrDefault(name, object.at("/spec/replicas").asInt(1));
                    pods = replicas + (object.path("kind").asString().equals("Deployment") ? surge(object, replicas) : 0);
                }
                case "PyTorchJob" -> {
                    JsonNode master = object.at("/spec/pytorchReplicaSpecs/Master");
                    master.at("/template/spec/containers").forEach(containers::add);
                    pods = master.path("replicas").asInt() + object.at("/spec/pytorchReplicaSpecs/Worker/replicas").asInt(0);
                }
                case "InferenceService" -> {
                    containers.add(object.at("/spec/predictor/model"));
                    containers.add(queueProxy);
                    int replicas = object.at("/spec/predictor/maxReplicas").asInt(1);
                    pods = object.at("/spec/predictor").has("canaryTrafficPercent") ? 2 * replicas : replicas;
                }
                default -> {
                    continue;
                }
            }
            for (String resource : new String[] {"cpu", "memory", "nvidia.com/gpu"}) {
                BigDecimal pod = BigDecimal.ZERO;
                for (JsonNode container : containers) {
                    pod = pod.add(quantity(container.path("resources").path("requests").path(resource).asString("0")));
                }
                BigDecimal asked = pod.multiply(BigDecimal.valueOf(pods));
                BigDecimal quota = quantity(hard.path("requests." + resource).asString("1e30"));
                assertThat(asked).as("%s %s at %d pods asks %s %s, quota %s", object.path("kind").asString(), name, pods,
                        asked, resource, quota).isLessThanOrEqualTo(quota);
            }
        }
    }

    /** The pods a rolling update adds beside {@code replicas}. */
    private static int surge(JsonNode deployment, int replicas) {
        JsonNode strategy = deployment.at("/spec/strategy");
        if (strategy.path("type").asString("RollingUpdate").equals("Recreate")) {
            return 0;
        }
        String maxSurge = strategy.at("/rollingUpdate/maxSurge").asString("25%");
        return maxSurge.endsWith("%")
                ? (int) Math.ceil(replicas * Integer.parseInt(maxSurge.substring(0, maxSurge.length() - 1)) / 100.0)
                : Integer.parseInt(maxSurge);
    }

    private static BigDecimal quantity(String text) {
        Map<String, BigDecimal> units = Map.of("m", new BigDecimal("0.001"), "Mi", BigDecimal.valueOf(1L << 20),
                "Gi", BigDecimal.valueOf(1L << 30), "Ti", BigDecimal.valueOf(1L << 40));
        for (var unit : units.entrySet()) {
            if (text.endsWith(unit.getKey())) {
                return new BigDecimal(text.substring(0, text.length() - unit.getKey().length())).multiply(unit.getValue());
            }
        }
        return new BigDecimal(text);
    }

    /** Argo adds init and wait to each step pod; each step's podSpecPatch must make both restricted. */
    private static void argoStepsPatchTheExecutor(List<JsonNode> objects) throws IOException {
        for (JsonNode template : only(objects, "WorkflowTemplate")) {
            for (JsonNode step : template.at("/spec/templates")) {
                if (!step.has("container") && !step.has("script")) {
                    continue;
                }
                JsonNode patch = YAML.readTree(step.path("podSpecPatch").asString(""));
                assertThat(patch).as("step %s has a podSpecPatch", step.path("name").asString()).isNotNull();
                for (String[] where : new String[][] {{"initContainers", "init"}, {"containers", "wait"}}) {
                    JsonNode container = null;
                    for (JsonNode candidate : patch.path(where[0])) {
                        if (candidate.path("name").asString().equals(where[1])) {
                            container = candidate;
                        }
                    }
                    assertThat(container).as("step %s patches %s", step.path("name").asString(), where[1]).isNotNull();
                    JsonNode security = container.path("securityContext");
                    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                    assertThat(security.at("/capabilities/drop").toString()).contains("ALL");
                    assertThat(security.path("runAsNonRoot").asBoolean(false)).isTrue();
                    assertThat(security.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
                }
            }
        }
    }

    /** The labels of the pods named {@code name} (their app.kubernetes.io/name). */
    private static Map<String, String> pod(Map<String, Map<String, String>> pods, String name) {
        return pods.values().stream().filter(labels -> name.equals(labels.get("app.kubernetes.io/name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no pods named " + name));
    }

    private static List<JsonNode> only(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
    }
}
