package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A served model named by {@code model.registered}: each engine's pod fetches it through MLflow
 * with an init container into an emptyDir the server reads, and shows the version as a label.
 */
class RegisteredServingTest {

    private static final String FETCH_ARGS = "[\"artifacts\",\"download\",\"--artifact-uri\",\"$(MLGITOPS_MODEL_URI)\",\"--dst-path\",";

    /** The reference, with {@code serving.<model>.model} replaced by {@code model}. */
    private static Rendering rendering(String model, String json) {
        return Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/" + model)).set("model", json(json));
            return spec;
        }));
    }

    @Test
    void kserveFetchesTheAliasInThePredictorPodWithoutStorageUri() {
        Rendering rendering = rendering("scorer",
                "{\"format\":\"sklearn\",\"registered\":{\"model\":\"fraud-classifier\",\"alias\":\"champion\"}}");
        assertThat(rendering.errors()).isEmpty();
        JsonNode predictor = rendering.get("InferenceService/fraud-detection-scorer").at("/spec/predictor");
        JsonNode fetch = predictor.at("/initContainers/0");

        assertThat(predictor.at("/model/storageUri").isMissingNode()).isTrue();
        assertThat(predictor.at("/labels/mlgitops.dev~1model-version").asString()).isEqualTo("champion");
        assertThat(fetch.get("name").asString()).isEqualTo("fetch-model");
        assertThat(fetch.get("image").asString()).isEqualTo("ghcr.io/mlflow/mlflow:v3.16.1-full");
        assertThat(strings(fetch.get("command"))).containsExactly("mlflow");
        assertThat(fetch.get("args")).isEqualTo(json(FETCH_ARGS + "\"/mnt/models\"]"));
        assertThat(fetch.get("env")).isEqualTo(json("[{\"name\":\"HOME\",\"value\":\"/tmp\"},"
                + "{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://fraud-detection-mlflow:5000\"},"
                + "{\"name\":\"MLGITOPS_MODEL_URI\",\"value\":\"models:/fraud-classifier@champion\"}]"));
        assertThat(fetch.get("resources")).isEqualTo(json(
                "{\"requests\":{\"cpu\":\"250m\",\"memory\":\"512Mi\"},\"limits\":{\"cpu\":\"250m\",\"memory\":\"512Mi\"}}"));
        assertThat(fetch.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(fetch.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(fetch.at("/securityContext/capabilities/drop/0").asString()).isEqualTo("ALL");
        // the scorer is in Istio's mesh (auth jwt): the fetch runs as the proxy's user, past the redirection
        assertThat(predictor.at("/labels/sidecar.istio.io~1inject").asString()).isEqualTo("true");
        assertThat(fetch.at("/securityContext/runAsUser").asInt()).isEqualTo(1337);
        assertThat(fetch.get("volumeMounts")).isEqualTo(json("[{\"name\":\"tmp\",\"mountPath\":\"/tmp\"},"
                + "{\"name\":\"model-dir\",\"mountPath\":\"/mnt/models\"}]"));
        // no storageUri: KServe's webhook mounts its model-dir, this emptyDir, at /mnt/models itself; a mount of ours
        // would repeat the path
        assertThat(predictor.at("/model/volumeMounts")).isEqualTo(json("[{\"name\":\"tmp\",\"mountPath\":\"/tmp\"}]"));
        assertThat(predictor.at("/volumes/1")).isEqualTo(json("{\"name\":\"model-dir\",\"emptyDir\":{}}"));
    }

    @Test
    void kserveBehindTheAuthProxyMountsTheFetchedModelItself() {
        // extra containers make the predictor single-model to KServe: its webhook mounts nothing, so the model does
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ObjectNode scorer = (ObjectNode) spec.at("/serving/scorer");
            scorer.set("auth", json("{\"type\":\"oauth2-proxy\",\"allowedGroups\":[\"risk-ml\"]}"));
            ((ObjectNode) spec.at("/monitoring/quality/scorer")).put("logging", false);
            return spec;
        }));
        assertThat(rendering.errors()).isEmpty();
        JsonNode predictor = rendering.get("InferenceService/fraud-detection-scorer").at("/spec/predictor");

        assertThat(predictor.at("/containers/0/name").asString()).isEqualTo("auth-proxy");
        assertThat(predictor.at("/model/storageUri").isMissingNode()).isTrue();
        assertThat(predictor.at("/model/volumeMounts/1")).isEqualTo(json(
                "{\"name\":\"model-dir\",\"mountPath\":\"/mnt/models\",\"readOnly\":true}"));
        assertThat(predictor.at("/volumes/1")).isEqualTo(json("{\"name\":\"model-dir\",\"emptyDir\":{}}"));
    }

    @Test
    void deploymentFetchesTheVersionWithTheRegistrysOwnImageAndMountsItReadOnly() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("images")).put("mlflow", "registry.example.com/mlflow:3.16.1");
            ((ObjectNode) spec.get("modelRegistry")).put("image", "mlflow");
            ((ObjectNode) spec.at("/serving/explainer")).set("model",
                    json("{\"registered\":{\"model\":\"fraud-explainer\",\"version\":7}}"));
            return spec;
        }));
        JsonNode pod = rendering.get("Deployment/fraud-detection-explainer").at("/spec/template");
        JsonNode fetch = pod.at("/spec/initContainers/0");

        assertThat(rendering.errors()).isEmpty();
        assertThat(pod.at("/metadata/labels/mlgitops.dev~1model-version").asString()).isEqualTo("7");
        assertThat(fetch.get("image").asString()).isEqualTo("registry.example.com/mlflow:3.16.1");
        assertThat(fetch.at("/securityContext/runAsUser").isMissingNode()).as("outside the mesh: the pod's user").isTrue();
        assertThat(fetch.at("/env/2")).isEqualTo(json("{\"name\":\"MLGITOPS_MODEL_URI\",\"value\":\"models:/fraud-explainer/7\"}"));
        assertThat(fetch.get("args")).isEqualTo(json(FETCH_ARGS + "\"/mnt/models\"]"));
        assertThat(pod.at("/spec/containers/0/volumeMounts/1")).isEqualTo(json(
                "{\"name\":\"registered-model\",\"mountPath\":\"/mnt/models\",\"readOnly\":true}"));
        assertThat(pod.at("/spec/volumes/1")).isEqualTo(json("{\"name\":\"registered-model\",\"emptyDir\":{}}"));
    }

    @Test
    void vllmFetchesIntoItsModelVolumeServesTheFolderAndOpensNoWayOutside() {
        Rendering rendering = rendering("assistant", "{\"registered\":{\"model\":\"assistant-llm\",\"alias\":\"prod_\"}}");
        JsonNode pod = rendering.get("Deployment/fraud-detection-assistant").at("/spec/template");
        JsonNode fetch = pod.at("/spec/initContainers/0");

        assertThat(rendering.errors()).isEmpty();
        // an alias may end in '_', a label value may not
        assertThat(pod.at("/metadata/labels/mlgitops.dev~1model-version").asString()).isEqualTo("prod");
        assertThat(pod.at("/spec/initContainers").size()).isEqualTo(1);
        assertThat(fetch.get("args")).isEqualTo(json(FETCH_ARGS + "\"/models/registered\"]"));
        assertThat(fetch.at("/volumeMounts/1")).isEqualTo(json("{\"name\":\"models\",\"mountPath\":\"/models\"}"));
        assertThat(strings(pod.at("/spec/containers/0/args"))).startsWith(
                "/models/registered", "--port", "8000", "--served-model-name", "assistant");
        assertThat(rendering.byName()).doesNotContainKey("NetworkPolicy/fraud-detection-assistant-to-model-store");
    }

    @Test
    void aStoredModelGetsNoFetchAndNoLabel() {
        Rendering rendering = rendering("scorer", "{\"format\":\"sklearn\",\"storageUri\":\"s3://risk-ml/models/x/1\"}");
        JsonNode predictor = rendering.get("InferenceService/fraud-detection-scorer").at("/spec/predictor");

        assertThat(predictor.at("/initContainers").isMissingNode()).isTrue();
        assertThat(predictor.at("/labels/mlgitops.dev~1model-version").isMissingNode()).isTrue();
        assertThat(predictor.at("/model/storageUri").asString()).isEqualTo("s3://risk-ml/models/x/1");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asString()));
        return values;
    }

    private static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
