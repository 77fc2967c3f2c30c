package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.Engine;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.ReferenceProject;
import dev.mlgitops.render.Rendering;
import dev.mlgitops.render.RuntimeContract;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.node.ObjectNode;

/**
 * The function step reads an engine's runtime facts from the engine's contract alone: the rendered
 * objects of the reference, and of a variant with the engines the reference leaves out, emit no
 * custom resource the contracts list no requirement for, and get no injected container their
 * engine does not declare.
 */
class EngineContractsTest {

    /** The groups Kubernetes serves by itself (no CRD, no operator). */
    private static final Set<String> BUILT_IN = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    @Test
    void everyCustomResourceAnEngineEmitsHasARequirementOfItsOwnEngineOrOfTheCluster() {
        Spec.Cluster cluster = ReferenceProject.prod().spec().cluster();
        List<String> uncovered = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (TypedObject object : objects()) {
            String kind = object.key().group() + "/" + object.key().kind();
            if (BUILT_IN.contains(object.key().group())) {
                continue;
            }
            seen.add(kind);
            Engine engine = Engines.emitting(object.blueprint()).orElseThrow();
            boolean listed = engine.requirements(cluster).stream().anyMatch(r -> r.kinds().contains(kind))
                    || ClusterServices.requirements(cluster).stream().anyMatch(r -> r.kinds().contains(kind));
            if (!listed) {
                uncovered.add(engine.folder() + " emits " + kind);
            }
        }

        assertThat(seen).contains("argoproj.io/WorkflowTemplate", "argoproj.io/CronWorkflow", "kubeflow.org/PyTorchJob",
                "serving.kserve.io/InferenceService", "monitoring.coreos.com/ServiceMonitor",
                "monitoring.coreos.com/PrometheusRule", "external-secrets.io/ExternalSecret",
                "security.istio.io/RequestAuthentication", "security.istio.io/AuthorizationPolicy");
        assertThat(uncovered).isEmpty();
    }

    @Test
    void aKindNoContractListsIsCaught() {
        Spec.Cluster cluster = ReferenceProject.prod().spec().cluster();
        Map<String, RuntimeContract.Requirement> requirements = FunctionChecker.requirements(cluster);

        assertThat(requirements).doesNotContainKey("serving.kserve.io/ServingRuntime")
                .doesNotContainKey("apps/Deployment");
        assertThat(requirements.get("argoproj.io/CronWorkflow")).isSameAs(requirements.get("argoproj.io/WorkflowTemplate"));
        assertThat(requirements.get("serving.kserve.io/InferenceService").namespace()).isEqualTo("knative-serving, istio-system");
    }

    @Test
    void everyContainerTheChecksInjectIsDeclaredByTheEngineThatRenderedThePod() {
        List<String> injected = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (Workloads.Workload workload : Workloads.of(objects())) {
            Engine engine = Engines.emitting(workload.object().blueprint()).orElseThrow();
            for (Workloads.PodGroup group : workload.groups()) {
                for (Workloads.Container container : group.containers()) {
                    if (container.injected() == null) {
                        continue;
                    }
                    String name = workload.object().key().kind() + " " + container.name() + (container.init() ? " (init)" : "");
                    injected.add(name);
                    if (!engine.contract().injected().contains(container.injected())) {
                        undeclared.add(engine.folder() + ": " + name);
                    }
                }
            }
        }

        assertThat(injected).contains("WorkflowTemplate init (init)", "WorkflowTemplate wait", "PyTorchJob init-pytorch (init)",
                "InferenceService queue-proxy");
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theInjectedContainersAreWrittenAsTheirOperatorsWriteThem() {
        RuntimeContract.Injected queueProxy = injected("serving", "kserve", "queue-proxy");
        assertThat(queueProxy.by()).isEqualTo("Knative Serving");
        assertThat(queueProxy.written().toString()).isEqualTo("{\"name\":\"queue-proxy\",\"resources\":{\"requests\":"
                + "{\"cpu\":\"25m\"}},\"securityContext\":{\"allowPrivilegeEscalation\":false,\"readOnlyRootFilesystem\":true,"
                + "\"runAsNonRoot\":true,\"capabilities\":{\"drop\":[\"ALL\"]},\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}}");
        RuntimeContract.Injected initPytorch = injected("training", "pytorchjob", "init-pytorch");
        assertThat(initPytorch.written().isEmpty()).as("no securityContext, as the operator's built-in template").isTrue();
        assertThat(initPytorch.clusterOnly()).isTrue();
        assertThat(initPytorch.fix()).contains("--pytorch-init-container-template-file");
        assertThat(injected("training", "argo-workflows", "wait").fix()).startsWith("give the template a podSpecPatch");
        assertThat(injected("serving", "kserve", "storage-initializer").modeled()).isFalse();
    }

    @Test
    void everyObjectThatRunsPodsIsCountedAsItsEnginesContractDeclaresItsKind() {
        List<TypedObject> objects = new ArrayList<>(objects());
        // a scheduled kubernetes-job, the one workload kind the other renderings leave out
        Rendering scheduled = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/training/nightly")).put("engine", "kubernetes-job");
            return spec;
        }));
        assertThat(scheduled.errors()).isEmpty();
        objects.addAll(scheduled.objects());
        Map<String, Set<String>> unrendered = new TreeMap<>();
        Engines.all().forEach(engine -> unrendered.put(engine.folder(), new TreeSet<>(engine.contract().workloads().keySet())));
        Set<String> undeclared = new TreeSet<>();
        List<TypedObject> running = new ArrayList<>(objects);
        objects.stream().filter(o -> o.key().kind().equals("WorkflowTemplate")).forEach(o -> running.addAll(Workloads.created(o)));
        for (TypedObject object : running) {
            Engine engine = Engines.emitting(object.blueprint()).orElseThrow();
            String kind = object.key().groupKind();
            unrendered.get(engine.folder()).remove(kind);
            // a pod template anywhere in it, or the workflow a CronWorkflow starts: it runs pods, or starts them
            boolean runsPods = object.manifest().findValue("containers") != null || object.manifest().findValue("script") != null
                    || object.manifest().path("spec").has("workflowSpec");
            if (runsPods && !engine.contract().workloads().containsKey(kind)) {
                undeclared.add(engine.folder() + " emits " + kind);
            }
        }

        assertThat(undeclared).isEmpty();
        assertThat(unrendered).as("a declared kind no engine renders").allSatisfy((folder, kinds) -> assertThat(kinds).isEmpty());
        List<String> counted = Workloads.of(running.stream().filter(o -> !o.key().kind().equals("PyTorchJob")
                || !o.key().name().endsWith("-")).toList()).stream()
                .map(w -> w.object().key().kind() + " " + w.object().key().name() + ": " + w.groups().stream()
                        .map(g -> (g.role().isEmpty() ? "" : g.role() + " ") + "x" + g.count()).toList())
                .distinct().toList();
        assertThat(counted)
                .contains("PyTorchJob fraud-detection-distributed-: [Master x1, Worker x4]",
                        "Deployment fraud-detection-mlflow: [x2]",
                        "Job fraud-detection-nightly: [x1]",
                        "CronJob fraud-detection-nightly: [x1]")
                .noneMatch(line -> line.startsWith("CronWorkflow"));
    }

    @Test
    void aWorkloadKindABlueprintOverrideAddsIsCountedByItsKind() {
        TypedObject notebook = objects().stream().filter(o -> o.key().kind().equals("StatefulSet")).findFirst().orElseThrow();
        TypedObject added = new TypedObject(Stage.SERVING, "serving/deployment/extra.yaml.ftl", notebook.key(), notebook.manifest());
        TypedObject cron = objects().stream().filter(o -> o.key().kind().equals("CronWorkflow")
                && o.blueprint().startsWith("training/pytorchjob/")).findFirst().orElseThrow();

        assertThat(Engines.named(Stage.SERVING, "deployment").orElseThrow().contract().workloads()).doesNotContainKey("apps/StatefulSet");
        assertThat(Workloads.scaling(added)).isEqualTo(RuntimeContract.Scaling.REPLICAS);
        assertThat(Workloads.of(List.of(added))).hasSize(1);
        assertThat(Workloads.scaling(cron)).isEqualTo(RuntimeContract.Scaling.NONE);
        assertThat(Workloads.of(List.of(cron))).isEmpty();
    }

    private static RuntimeContract.Injected injected(String stage, String engine, String container) {
        return Engines.named(Stage.valueOf(stage.toUpperCase().replace('-', '_')), engine).orElseThrow().contract().injected()
                .stream().filter(i -> i.container().equals(container)).findFirst().orElseThrow();
    }

    /** The reference's prod objects, and those of a variant with kubernetes-job, one-shot, and a scheduled pytorchjob. */
    static List<TypedObject> objects() {
        List<TypedObject> objects = new ArrayList<>(Rendering.of(ReferenceProject.prod()).objects());
        Rendering rendering = Rendering.of(ReferenceProject.otherTrainingShapes());
        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName()).containsKeys("Job/fraud-detection-nightly", "CronWorkflow/fraud-detection-distributed");
        objects.addAll(rendering.objects());
        return objects;
    }
}
