package dev.mlgitops.render;

import static dev.mlgitops.render.FeastFeatureStoreTest.container;
import static dev.mlgitops.render.FeastFeatureStoreTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class NotebooksTest {

    private static final String ALICE = "fraud-detection-alice";
    private static final String GPU_LAB = "fraud-detection-gpu-lab";

    @Test
    void rendersAStatefulSetAndItsHeadlessServicePerNotebook() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.objects()).filteredOn(o -> o.stage() == Stage.NOTEBOOKS)
                .extracting(o -> o.key().kind() + "/" + o.key().name())
                .containsExactly("StatefulSet/" + ALICE, "Service/" + ALICE, "Ingress/" + ALICE,
                        "ConfigMap/" + ALICE + "-auth-emails", "StatefulSet/" + GPU_LAB, "Service/" + GPU_LAB);
        ObjectNode service = prod.get("Service/" + ALICE);
        assertThat(service.at("/spec/clusterIP").asString()).isEqualTo("None");
        assertThat(service.at("/spec/ports/0")).isEqualTo(json("{\"name\":\"http\",\"port\":8888,\"targetPort\":\"http\",\"protocol\":\"TCP\"}"));
    }

    @Test
    void oneReplicaNamedByItsServiceWithItsHomeOnAClaimOfTheAskedSize() {
        ObjectNode statefulSet = Rendering.of(ReferenceProject.prod()).get("StatefulSet/" + ALICE);
        JsonNode pod = statefulSet.at("/spec/template/spec");

        assertThat(statefulSet.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(statefulSet.at("/spec/serviceName").asString()).isEqualTo(ALICE);
        assertThat(statefulSet.at("/spec/volumeClaimTemplates/0/metadata")).isEqualTo(json("{\"name\":\"home\"}"));
        assertThat(statefulSet.at("/spec/volumeClaimTemplates/0/spec")).isEqualTo(json(
                "{\"accessModes\":[\"ReadWriteOnce\"],\"resources\":{\"requests\":{\"storage\":\"20Gi\"}}}"));
        assertThat(pod.at("/containers/0/volumeMounts")).isEqualTo(json(
                "[{\"name\":\"home\",\"mountPath\":\"/home/jovyan\"},{\"name\":\"tmp\",\"mountPath\":\"/tmp\"}]"));
        // compared as text: the typed tree holds these int64 fields as longs
        assertThat(pod.get("securityContext").toString()).isEqualTo("{\"runAsNonRoot\":true,\"runAsUser\":1000,"
                + "\"runAsGroup\":100,\"fsGroup\":100,\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}");
        assertThat(pod.get("serviceAccountName").asString()).isEqualTo("fraud-detection-notebooks");
    }

    @Test
    void recordsTheOwnerAsAnAnnotation() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("StatefulSet/" + ALICE).at("/metadata/annotations"))
                .isEqualTo(json("{\"mlgitops.dev/owner\":\"alice@example.com\"}"));
        assertThat(prod.get("StatefulSet/" + GPU_LAB).at("/metadata/annotations").isMissingNode()).isTrue();
    }

    @Test
    void jupyterServesOn8888WithTheSpecsResourcesAndTheStoresAddresses() {
        JsonNode container = container(Rendering.of(ReferenceProject.prod()).get("StatefulSet/" + ALICE));

        assertThat(container.get("image").asString()).isEqualTo("quay.io/jupyter/scipy-notebook:2024-10-07");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8888);
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/api");
        assertThat(container.at("/resources/requests")).isEqualTo(json("{\"cpu\":\"2\",\"memory\":\"8Gi\"}"));
        assertThat(container.at("/resources/limits")).isEqualTo(json("{\"cpu\":\"2\",\"memory\":\"8Gi\"}"));
        assertThat(container.get("env")).isEqualTo(json("[{\"name\":\"HOME\",\"value\":\"/home/jovyan\"},{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":"
                + "\"http://fraud-detection-mlflow:5000\"},{\"name\":\"FEAST_FEATURE_SERVER_URL\",\"value\":"
                + "\"http://fraud-detection-feature-server:6566\"},{\"name\":\"NOTEBOOK_ARGS\",\"value\":"
                + "\"--MappingKernelManager.cull_idle_timeout=7200 --MappingKernelManager.cull_interval=300"
                + " --TerminalManager.cull_inactive_timeout=7200 --TerminalManager.cull_interval=300\"}]"));
    }

    @Test
    void aGpuNotebookRequestsLimitsAndToleratesGpus() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        JsonNode pod = prod.get("StatefulSet/" + GPU_LAB).at("/spec/template/spec");

        assertThat(pod.at("/containers/0/resources/requests/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(pod.at("/containers/0/resources/limits/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(pod.get("tolerations")).isEqualTo(json("[{\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]"));
        assertThat(prod.get("StatefulSet/" + ALICE).at("/spec/template/spec").has("tolerations")).isFalse();
    }

    @Test
    void aNotebookWithoutStorageGetsTheDefaultVolume() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/notebooks/alice")).remove("storage");
            return spec;
        }));

        assertThat(rendering.get("StatefulSet/" + ALICE).at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
                .asString()).isEqualTo("10Gi");
    }

    @Test
    void withoutNotebooksThereIsNoNotebookAccountOrPath() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            spec.remove("notebooks");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName().keySet()).noneMatch(name -> name.equals("ServiceAccount/fraud-detection-notebooks")
                || name.startsWith("NetworkPolicy/fraud-detection-notebooks-to-") || name.startsWith("StatefulSet/"));
    }

    @Test
    void aHostileOwnerStaysOneAnnotationValue() {
        String owner = "eve\"}\n  labels: {x: y}\n# ---";
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/notebooks/alice")).put("owner", owner);
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        JsonNode annotations = rendering.get("StatefulSet/" + ALICE).at("/metadata/annotations");
        assertThat(annotations.size()).isEqualTo(1);
        assertThat(annotations.get("mlgitops.dev/owner").asString()).isEqualTo(owner);
    }
}
