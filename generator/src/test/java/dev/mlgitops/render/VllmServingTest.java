package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.finding.Code;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Serving engine vllm: the reference's assistant (a Hub model), and its s3:// and pvc:// variants. */
class VllmServingTest {

    private static final String ASSISTANT = "fraud-detection-assistant";

    @Test
    void servesTheHubModelWithVllmServeOnPort8000AndHealthProbes() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());
        ObjectNode deployment = rendering.get("Deployment/" + ASSISTANT);
        JsonNode server = deployment.at("/spec/template/spec/containers/0");

        assertThat(rendering.errors()).isEmpty();
        assertThat(server.get("image").asString()).isEqualTo("vllm/vllm-openai:v0.11.0");
        assertThat(strings(server.get("command"))).containsExactly("vllm", "serve");
        assertThat(strings(server.get("args")))
                .containsExactly("Qwen/Qwen2.5-7B-Instruct", "--port", "8000", "--max-model-len", "8192");
        assertThat(server.at("/ports/0")).isEqualTo(json("{\"name\":\"http\",\"containerPort\":8000,\"protocol\":\"TCP\"}"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(server.at("/" + probe + "/httpGet")).as(probe).isEqualTo(json("{\"path\":\"/health\",\"port\":\"http\"}"));
        }
        // half an hour to download and load before liveness counts
        assertThat(server.at("/startupProbe/periodSeconds").asInt() * server.at("/startupProbe/failureThreshold").asInt())
                .isEqualTo(1800);
    }

    @Test
    void asksForTheGpuToleratesItsTaintAndGivesSharedMemoryAndAWritableModelCache() {
        ObjectNode deployment = Rendering.of(ReferenceProject.prod()).get("Deployment/" + ASSISTANT);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode server = pod.at("/containers/0");

        assertThat(server.at("/resources/limits/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(server.at("/resources/requests/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(pod.at("/tolerations")).isEqualTo(json("[{\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\",\"effect\":\"NoSchedule\"}]"));
        assertThat(pod.at("/volumes")).isEqualTo(json("""
                [{"name":"tmp","emptyDir":{}},{"name":"models","emptyDir":{}},
                 {"name":"dshm","emptyDir":{"medium":"Memory","sizeLimit":"2Gi"}}]"""));
        assertThat(server.at("/volumeMounts")).isEqualTo(json("""
                [{"name":"tmp","mountPath":"/tmp"},{"name":"models","mountPath":"/models"},
                 {"name":"dshm","mountPath":"/dev/shm"}]"""));
        assertThat(server.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(server.get("env")).contains(
                json("{\"name\":\"HF_HOME\",\"value\":\"/models/huggingface\"}"),
                json("{\"name\":\"HOME\",\"value\":\"/tmp\"}"),
                json("{\"name\":\"HF_TOKEN\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"fraud-detection-huggingface\",\"key\":\"token\"}}}"));
    }

    @Test
    void runsTheFixedReplicasWithABudgetAndNoAutoscalerUnlessAsked() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());

        assertThat(rendering.get("Deployment/" + ASSISTANT).at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(rendering.get("PodDisruptionBudget/" + ASSISTANT).at("/spec/selector/matchLabels"))
                .isEqualTo(json("{\"app.kubernetes.io/name\":\"" + ASSISTANT + "\"}"));
        assertThat(rendering.get("Service/" + ASSISTANT).at("/spec/ports/0/targetPort").asString()).isEqualTo("http");
        assertThat(rendering.byName()).doesNotContainKey("HorizontalPodAutoscaler/" + ASSISTANT);
    }

    @Test
    void anAutoscalerOnCpuOwnsTheCountWhenTheSpecAsksForOne() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/assistant")).set("autoscaling", json("{\"metric\":\"cpu\",\"target\":75}"));
            ((ObjectNode) spec.at("/serving/assistant")).set("replicas", json("{\"min\":2,\"max\":6}"));
            return spec;
        }));
        ObjectNode hpa = rendering.get("HorizontalPodAutoscaler/" + ASSISTANT);

        assertThat(rendering.get("Deployment/" + ASSISTANT).at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(6);
        assertThat(hpa.at("/spec/metrics/0/resource")).isEqualTo(json(
                "{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":75}}"));
    }

    @Test
    void aScaleMetricABareAutoscalerCannotReadIsAFindingNamingTheEngine() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/assistant")).set("autoscaling", json("{\"metric\":\"rps\",\"target\":5}"));
            return spec;
        }));

        assertThat(rendering.findings(Code.RENDER_METRIC_UNSUPPORTED)).singleElement().satisfies(f -> {
            assertThat(f.jsonPath()).isEqualTo("spec.serving.assistant.autoscaling.metric");
            assertThat(f.message()).isEqualTo("autoscaling metric 'rps' of model 'assistant' needs a metrics adapter "
                    + "that engine vllm cannot assume: use metric cpu or memory, or engine kserve");
        });
    }

    @Test
    void anS3ModelIsDownloadedByAnInitContainerIntoTheCacheAndServedUnderItsKey() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/assistant/model")).put("storageUri", "s3://risk-ml/llm/assistant/3");
            return spec;
        }));
        JsonNode pod = rendering.get("Deployment/" + ASSISTANT).at("/spec/template/spec");
        JsonNode download = pod.at("/initContainers/0");

        assertThat(rendering.errors()).isEmpty();
        assertThat(download.get("image").asString()).isEqualTo("kserve/storage-initializer:v0.20.0");
        assertThat(strings(download.get("args"))).containsExactly("s3://risk-ml/llm/assistant/3", "/models/download");
        assertThat(download.at("/volumeMounts/1")).isEqualTo(json("{\"name\":\"models\",\"mountPath\":\"/models\"}"));
        assertThat(download.at("/resources/limits/nvidia.com~1gpu").isMissingNode()).isTrue();
        assertThat(download.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(strings(pod.at("/containers/0/args"))).startsWith(
                "/models/download", "--port", "8000", "--served-model-name", "assistant");
        assertThat(rendering.byName()).containsKey("NetworkPolicy/fraud-detection-assistant-to-model-store");
    }

    @Test
    void aPvcModelIsMountedReadOnlyAndNeedsNoEgress() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/assistant/model")).put("storageUri", "pvc://llm-weights/qwen/7b/");
            ((ObjectNode) spec.at("/serving/assistant/resources")).put("gpu", 2);
            return spec;
        }));
        JsonNode pod = rendering.get("Deployment/" + ASSISTANT).at("/spec/template/spec");

        assertThat(rendering.errors()).isEmpty();
        assertThat(pod.at("/initContainers").isMissingNode()).isTrue();
        assertThat(strings(pod.at("/containers/0/args"))).containsExactly("/mnt/models/qwen/7b", "--port", "8000",
                "--served-model-name", "assistant", "--tensor-parallel-size", "2", "--max-model-len", "8192");
        assertThat(pod.at("/volumes/3")).isEqualTo(json(
                "{\"name\":\"model\",\"persistentVolumeClaim\":{\"claimName\":\"llm-weights\",\"readOnly\":true}}"));
        assertThat(pod.at("/containers/0/volumeMounts/3")).isEqualTo(json(
                "{\"name\":\"model\",\"mountPath\":\"/mnt/models\",\"readOnly\":true}"));
        assertThat(rendering.byName()).doesNotContainKey("NetworkPolicy/fraud-detection-assistant-to-model-store");
    }

    @Test
    void monitoringScrapesTheServerItselfAndAlertsOnVllmsLatencyAndFailedRequests() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());
        List<String> exprs = new ArrayList<>();
        rendering.get("PrometheusRule/fraud-detection-alerts").at("/spec/groups/0/rules")
                .forEach(rule -> exprs.add(rule.get("expr").asString()));

        assertThat(exprs).contains(
                "histogram_quantile(0.99, sum by (namespace, le) (rate(vllm:e2e_request_latency_seconds_bucket"
                        + "{namespace=\"fraud\", job=\"fraud-detection-assistant\"}[5m]))) > 0.25",
                "sum by (namespace) (rate(http_requests_total{namespace=\"fraud\", job=\"fraud-detection-assistant\", status=\"5xx\"}[5m]))"
                        + " / sum by (namespace) (rate(http_requests_total{namespace=\"fraud\", job=\"fraud-detection-assistant\"}[5m])) > 0.02");
        assertThat(rendering.get("ServiceMonitor/" + ASSISTANT).at("/spec/endpoints/0/port").asString()).isEqualTo("http");
        assertThat(rendering.get("NetworkPolicy/fraud-detection-assistant-allow-metrics").at("/spec/ingress/0/ports/0/port").asInt())
                .isEqualTo(8000);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
