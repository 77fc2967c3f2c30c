package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
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

    private static RuntimeContract.Injected injected(String stage, String engine, String container) {
        return Engines.named(Stage.valueOf(stage.toUpperCase().replace('-', '_')), engine).orElseThrow().contract().injected()
                .stream().filter(i -> i.container().equals(container)).findFirst().orElseThrow();
    }

    /** The reference's prod objects, and those of a variant with kubernetes-job, one-shot, and a scheduled pytorchjob. */
    static List<TypedObject> objects() {
        List<TypedObject> objects = new ArrayList<>(Rendering.of(ReferenceProject.prod()).objects());
        ResolvedEnvironment variant = ReferenceProject.edited(spec -> {
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            nightly.remove("schedule");
            ((ObjectNode) spec.at("/training/distributed")).put("schedule", "0 3 * * 0");
            return spec;
        });
        Rendering rendering = Rendering.of(variant);
        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName()).containsKeys("Job/fraud-detection-nightly", "CronWorkflow/fraud-detection-distributed");
        objects.addAll(rendering.objects());
        return objects;
    }
}
