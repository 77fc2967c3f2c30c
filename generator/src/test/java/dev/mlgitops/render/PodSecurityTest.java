package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every pod the blueprints render meets the Pod Security Standard "restricted" (the checks of
 * pod-security-admission's policy/check_*.go, reference section 9a) and the container defaults
 * of the design: requests and limits, read-only root with a writable /tmp.
 */
class PodSecurityTest {

    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "image", "persistentVolumeClaim", "projected", "secret");

    static Stream<ResolvedEnvironment> renderings() {
        return Stream.of(ReferenceProject.base(), ReferenceProject.prod(), ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("tenancy")).putObject("cloudIdentity").put("provider", "azure").put("role", "id");
            ObjectNode explainer = RendererTest.explainer(spec);
            explainer.putObject("resources").put("cpu", "2").put("memory", "8Gi").put("gpu", 1);
            explainer.remove("health");
            explainer.putObject("ingress").put("host", "x.example.com").put("tls", false);
            return spec;
        }), ReferenceProject.edited(spec -> {
            // secrets made by hand, stages without their optional parts
            ObjectNode secrets = (ObjectNode) spec.get("secrets");
            secrets.put("provider", "existing").remove("store");
            secrets.get("entries").properties().forEach(e -> ((ObjectNode) e.getValue()).put("key", e.getKey() + "-by-hand"));
            ((ObjectNode) spec.get("featureStore")).remove("server");
            ((ObjectNode) spec.at("/notebooks/alice")).remove("storage");
            return spec;
        }));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void everyContainerMeetsPodSecurityRestricted(ResolvedEnvironment environment) {
        Rendering rendering = Rendering.of(environment);
        List<JsonNode> pods = pods(rendering.objects());

        assertThat(pods).isNotEmpty();
        pods.forEach(pod -> assertThat(violations(pod)).isEmpty());
    }

    /** The kinds whose pod template sits at one of the paths {@link #pods} reads. */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob");

    @ParameterizedTest
    @MethodSource("renderings")
    void checksThePodOfEveryWorkload(ResolvedEnvironment environment) {
        List<TypedObject> workloads = Rendering.of(environment).objects().stream()
                .filter(o -> WORKLOADS.contains(o.key().kind())).toList();

        // one pod template each; the pods inside custom resources are counted by their own tests
        assertThat(pods(workloads)).hasSize(workloads.size());
    }

    @Test
    void coversTheContainersOfEveryEngine() {
        List<String> containers = new ArrayList<>();
        pods(Rendering.of(ReferenceProject.prod()).objects()).forEach(pod ->
                pod.path("containers").forEach(c -> containers.add(c.path("name").asString())));

        assertThat(containers).contains("feature-server", "materialize", "mlflow", "jupyter", "server");
    }

    @Test
    void theCheckSeesAViolation() {
        ObjectNode pod = (ObjectNode) Rendering.of(ReferenceProject.prod()).get("Deployment/fraud-detection-explainer")
                .at("/spec/template/spec").deepCopy();
        ((ObjectNode) pod.at("/containers/0/securityContext")).put("allowPrivilegeEscalation", true);
        pod.put("hostNetwork", true);

        assertThat(violations(pod)).containsExactly("hostNetwork",
                pod.at("/containers/0/name").asString() + ": allowPrivilegeEscalation is not false");
    }

    /**
     * Every pod spec of the objects, wherever its kind keeps it: workloads' pod templates, each
     * replica of a PyTorchJob, each container template of a WorkflowTemplate (the workflow's pod
     * settings merged in, as Argo does), each component of an InferenceService.
     */
    static List<JsonNode> pods(List<TypedObject> objects) {
        List<JsonNode> pods = new ArrayList<>();
        for (TypedObject object : objects) {
            JsonNode manifest = object.manifest();
            Stream.of("/spec/template/spec", "/spec/jobTemplate/spec/template/spec")
                    .map(manifest::at)
                    .filter(JsonNode::isObject)
                    .forEach(pods::add);
            manifest.at("/spec/pytorchReplicaSpecs").forEach(replica -> pods.add(replica.at("/template/spec")));
            for (JsonNode template : manifest.at("/spec/templates")) {
                JsonNode container = template.has("container") ? template.get("container") : template.get("script");
                if (container != null) {
                    ObjectNode pod = ((ObjectNode) manifest.get("spec")).deepCopy();
                    pod.remove("templates");
                    if (template.has("securityContext")) {
                        pod.set("securityContext", template.get("securityContext"));
                    }
                    pod.putArray("containers").add(((ObjectNode) container.deepCopy()).put("name", template.path("name").asString()));
                    pods.add(pod);
                }
            }
            for (String component : List.of("predictor", "transformer", "explainer")) {
                JsonNode spec = manifest.at("/spec/" + component);
                if (spec.isObject() && manifest.path("kind").asString().equals("InferenceService")) {
                    ObjectNode pod = ((ObjectNode) spec).deepCopy();
                    if (spec.has("model")) {
                        pod.putArray("containers").add(((ObjectNode) spec.get("model").deepCopy()).put("name", "kserve-container"));
                    }
                    pods.add(pod);
                }
            }
        }
        return pods;
    }

    @Test
    void podsInsideCustomResourcesAreChecked() {
        List<TypedObject> objects = Rendering.of(ReferenceProject.prod()).objects();

        // 4 Argo container/script templates, 2 PyTorchJob replicas
        assertThat(pods(objects.stream().filter(o -> !o.key().group().isEmpty() && !o.key().group().equals("apps")).toList()))
                .hasSizeGreaterThanOrEqualTo(6);
    }

    static List<String> violations(JsonNode pod) {
        List<String> violations = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                violations.add(host);
            }
        }
        JsonNode podContext = pod.path("securityContext");
        pod.path("volumes").forEach(volume -> volume.propertyNames().forEach(type -> {
            if (!type.equals("name") && !RESTRICTED_VOLUMES.contains(type)) {
                violations.add("volume " + volume.path("name").asString() + " is " + type);
            }
        }));
        if (podContext.path("runAsUser").asInt(1) == 0) {
            violations.add("pod runs as root");
        }
        List<JsonNode> containers = new ArrayList<>();
        pod.path("containers").forEach(containers::add);
        pod.path("initContainers").forEach(containers::add);
        for (JsonNode container : containers) {
            String name = container.path("name").asString();
            JsonNode context = container.path("securityContext");
            if (!context.path("allowPrivilegeEscalation").isBoolean() || context.path("allowPrivilegeEscalation").asBoolean()) {
                violations.add(name + ": allowPrivilegeEscalation is not false");
            }
            if (context.path("privileged").asBoolean(false)) {
                violations.add(name + ": privileged");
            }
            if (!(podContext.path("runAsNonRoot").asBoolean(false) || context.path("runAsNonRoot").asBoolean(false))
                    || context.path("runAsNonRoot").isBoolean() && !context.path("runAsNonRoot").asBoolean()) {
                violations.add(name + ": runAsNonRoot is not true");
            }
            if (context.path("runAsUser").asInt(1) == 0) {
                violations.add(name + ": runs as root");
            }
            String seccomp = context.at("/seccompProfile/type").asString(podContext.at("/seccompProfile/type").asString(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                violations.add(name + ": seccompProfile is '" + seccomp + "'");
            }
            List<String> dropped = new ArrayList<>();
            context.at("/capabilities/drop").forEach(c -> dropped.add(c.asString()));
            if (!dropped.contains("ALL")) {
                violations.add(name + ": does not drop ALL capabilities");
            }
            context.at("/capabilities/add").forEach(c -> {
                if (!c.asString().equals("NET_BIND_SERVICE")) {
                    violations.add(name + ": adds " + c.asString());
                }
            });
            if (!context.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(name + ": root filesystem is writable");
            }
            for (String need : List.of("/resources/requests/cpu", "/resources/requests/memory",
                    "/resources/limits/cpu", "/resources/limits/memory")) {
                if (container.at(need).isMissingNode()) {
                    violations.add(name + ": no " + need);
                }
            }
            boolean tmp = false;
            for (JsonNode mount : container.path("volumeMounts")) {
                tmp |= mount.path("mountPath").asString().equals("/tmp");
            }
            if (!tmp) {
                violations.add(name + ": no writable /tmp");
            }
            container.path("ports").forEach(port -> {
                if (port.has("hostPort")) {
                    violations.add(name + ": hostPort");
                }
            });
        }
        return violations;
    }
}
