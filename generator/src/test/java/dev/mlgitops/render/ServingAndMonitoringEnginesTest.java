package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Serving engine kserve and monitoring engine prometheus on the reference. */
class ServingAndMonitoringEnginesTest {

    private static final String SCORER = "fraud-detection-scorer";
    private static final String EXPLAINER = "fraud-detection-explainer";

    @Test
    void inferenceServiceRunsInKnativeModeWithTheModelReplicasScalingAndCanary() {
        ObjectNode isvc = Rendering.of(ReferenceProject.prod()).get("InferenceService/" + SCORER);
        JsonNode predictor = isvc.at("/spec/predictor");

        assertThat(isvc.at("/metadata/annotations/serving.kserve.io~1deploymentMode").asString()).isEqualTo("Knative");
        assertThat(predictor.at("/model/modelFormat/name").asString()).isEqualTo("sklearn");
        // the reference serves the scorer from the registry: fetched by an init container, no storageUri
        assertThat(predictor.at("/model/storageUri").isMissingNode()).isTrue();
        assertThat(predictor.at("/initContainers/0/env/2/value").asString()).isEqualTo("models:/fraud-classifier@champion");
        assertThat(predictor.get("minReplicas").asInt()).isEqualTo(2);
        assertThat(predictor.get("maxReplicas").asInt()).isEqualTo(10);
        assertThat(predictor.get("scaleMetric").asString()).isEqualTo("concurrency");
        assertThat(predictor.get("scaleTarget").isInt()).isTrue();
        assertThat(predictor.get("scaleTarget").asInt()).isEqualTo(20);
        assertThat(predictor.get("canaryTrafficPercent").asInt()).isEqualTo(10);
        assertThat(predictor.at("/model/resources")).isEqualTo(json(
                "{\"requests\":{\"cpu\":\"1\",\"memory\":\"2Gi\"},\"limits\":{\"cpu\":\"1\",\"memory\":\"2Gi\"}}"));
        assertThat(predictor.get("serviceAccountName").asString()).isEqualTo("fraud-detection-serving");
        assertThat(predictor.get("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(predictor.at("/labels/app.kubernetes.io~1name").asString()).isEqualTo(SCORER);
        assertThat(predictor.at("/model/readinessProbe/httpGet/path").asString()).isEqualTo("/v2/health/ready");
        assertThat(predictor.at("/model/env")).isEqualTo(json("""
                [{"name":"HOME","value":"/tmp"},
                 {"name":"MLFLOW_TRACKING_URI","value":"http://fraud-detection-mlflow:5000"},
                 {"name":"FEAST_FEATURE_SERVER_URL","value":"http://fraud-detection-feature-server:6566"}]"""));
    }

    @Test
    void withoutCanaryThereIsNoTrafficSplitAndTheModeStaysTheSame() {
        ObjectNode isvc = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/scorer")).remove("canary");
            return spec;
        })).get("InferenceService/" + SCORER);

        assertThat(isvc.at("/spec/predictor/canaryTrafficPercent").isMissingNode()).isTrue();
        assertThat(isvc.at("/metadata/annotations/serving.kserve.io~1deploymentMode").asString()).isEqualTo("Knative");
    }

    @Test
    void anIngressHostOfAKserveModelIsAWarningForTheClustersDomainTemplate() {
        BuildOutcome built = Builder.build(CaseFolders.KSERVE_HOST, BuildOptions.defaults());

        assertThat(CaseFolders.lines(built.findings())).containsExactly("mlproject.yaml:18:17: warning [MLG-RENDER-KSERVE-HOST]"
                + " spec.serving.scorer.ingress.host: model 'scorer' asks for host 'scorer.example.com', but KServe's Knative mode"
                + " takes hosts from the cluster's domain template: set ingress.domainTemplate in the inferenceservice-config"
                + " ConfigMap (and Knative's config-domain) so the model answers at that host, with a certificate for it in the gateway");
        assertThat(built.tree().orElseThrow().files().keySet()).noneMatch(path -> path.contains("ingress"));
    }

    @Test
    void aWaiverWithItsReasonSilencesTheKserveHostWarning(@TempDir Path folder) throws IOException {
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"), Files.readString(CaseFolders.KSERVE_HOST).replace(
                "      ingress: {host: scorer.example.com, tls: true}\n", "      ingress: {host: scorer.example.com, tls: true}\n"
                        + "      waivers: {MLG-RENDER-KSERVE-HOST: the platform's domain template serves scorer.example.com}\n"));

        assertThat(Builder.build(spec, BuildOptions.defaults()).findings().sorted()).isEmpty();
    }

    @Test
    void theKnativeDataPlaneReachesTheQueueProxy() {
        JsonNode policy = Rendering.of(ReferenceProject.prod()).get("NetworkPolicy/" + SCORER + "-allow-http").get("spec");

        assertThat(policy.at("/podSelector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + SCORER + "\"}"));
        assertThat(policy.at("/ingress/0/from")).isEqualTo(json("""
                [{"podSelector":{}},
                 {"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"knative-serving"}}},
                 {"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"istio-system"}}}]"""));
        assertThat(policy.at("/ingress/0/ports")).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":8012}]"));
    }

    @Test
    void serviceMonitorsSelectEachModelByNameOnItsMetricsPort() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());
        ObjectNode scorer = rendering.get("ServiceMonitor/" + SCORER);
        ObjectNode explainer = rendering.get("ServiceMonitor/" + EXPLAINER);

        assertThat(scorer.at("/spec/selector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + SCORER + "\"}"));
        assertThat(scorer.at("/spec/endpoints")).isEqualTo(json("[{\"port\":\"http-usermetric\",\"path\":\"/metrics\",\"interval\":\"30s\"}]"));
        // the explainer's port http is its oauth2-proxy's; the ServiceMonitor reads the model's own port
        assertThat(explainer.at("/spec/endpoints/0/port").asString()).isEqualTo("metrics");
        assertThat(rendering.get("ServiceMonitor/fraud-detection-assistant").at("/spec/endpoints/0/port").asString())
                .isEqualTo("http");
        assertThat(scorer.at("/metadata/labels/release").asString()).isEqualTo("kube-prometheus-stack");
    }

    @Test
    void knativesControlPlaneAloneReachesQueueProxysAdminAndMetricsPorts() {
        JsonNode policy = Rendering.of(ReferenceProject.prod()).get("NetworkPolicy/" + SCORER + "-allow-knative").get("spec");

        assertThat(policy.at("/ingress")).isEqualTo(json("[{\"from\":[{\"namespaceSelector\":{\"matchLabels\":"
                + "{\"kubernetes.io/metadata.name\":\"knative-serving\"}}}],\"ports\":[{\"protocol\":\"TCP\",\"port\":8022},"
                + "{\"protocol\":\"TCP\",\"port\":9090}]}]"));
    }

    @Test
    void monitoringNamespaceMayScrapeTheMetricsPorts() {
        Rendering rendering = Rendering.of(ReferenceProject.prod());

        // vLLM's model port admits the namespace's clients anyway (its contract says so): the scraper beside them
        JsonNode assistant = rendering.get("NetworkPolicy/fraud-detection-assistant-allow-metrics").get("spec");
        assertThat(assistant.at("/ingress/0/from")).isEqualTo(json("[{\"podSelector\":{}},"
                + "{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}]"));
        assertThat(assistant.at("/ingress/0/ports/0/port").asInt()).isEqualTo(8000);
        // queue-proxy's user metrics port is Prometheus's alone: KServe's contract lets the namespace onto 8012 only
        JsonNode scorer = rendering.get("NetworkPolicy/" + SCORER + "-allow-metrics").get("spec");
        assertThat(scorer.at("/ingress/0/from")).isEqualTo(json(
                "[{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}]"));
        assertThat(scorer.at("/ingress/0/ports/0/port").asInt()).isEqualTo(9091);
        // behind an oauth2-proxy the model's own port admits the monitoring namespace alone, no pod of the namespace
        JsonNode proxied = rendering.get("NetworkPolicy/" + EXPLAINER + "-allow-metrics").get("spec");
        assertThat(proxied.at("/ingress/0/from")).isEqualTo(json(
                "[{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"monitoring\"}}}]"));
        assertThat(proxied.at("/ingress/0/ports/0/port").asInt()).isEqualTo(8080);
    }

    @Test
    void alertsArePromqlOverEachEnginesRequestMetrics() {
        JsonNode rules = Rendering.of(ReferenceProject.prod()).get("PrometheusRule/fraud-detection-alerts").at("/spec/groups/0/rules");

        // latency, errors and absent series of each served model: scorer, explainer, assistant
        assertThat(rules).hasSize(9);
        JsonNode latency = rules.get(0);
        assertThat(latency.get("alert").asString()).isEqualTo("ServedModelLatencyHigh");
        assertThat(latency.get("expr").asString()).isEqualTo("histogram_quantile(0.99, sum by (namespace, le) "
                + "(rate(revision_app_request_latencies_bucket{namespace=\"fraud\", service_name=\"fraud-detection-scorer-predictor\"}[5m]))) / 1000 > 0.25");
        assertThat(latency.get("for").asString()).isEqualTo("5m");
        assertThat(latency.at("/labels/severity").asString()).isEqualTo("warning");
        assertThat(latency.at("/annotations/summary").asString()).isEqualTo("fraud-detection-scorer p99 latency above 250ms");
        JsonNode errors = rules.get(4);
        assertThat(errors.get("expr").asString()).isEqualTo(
                "sum by (namespace) (rate(http_requests_total{namespace=\"fraud\", job=\"fraud-detection-explainer\", code=~\"5..\"}[5m]))"
                        + " / sum by (namespace) (rate(http_requests_total{namespace=\"fraud\", job=\"fraud-detection-explainer\"}[5m])) > 0.02");
        assertThat(errors.get("for").asString()).isEqualTo("10m");
        assertThat(errors.at("/labels/model").asString()).isEqualTo(EXPLAINER);
        assertThat(rules.get(3).get("expr").asString()).startsWith(
                "histogram_quantile(0.99, sum by (namespace, le) (rate(http_request_duration_seconds_bucket{namespace=\"fraud\", job=\"fraud-detection-explainer\"}[5m])))");
    }

    @Test
    void dashboardIsAValidGrafanaJsonInALabelledConfigMap() {
        ObjectNode configMap = Rendering.of(ReferenceProject.prod()).get("ConfigMap/fraud-detection-dashboard");

        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
        JsonNode dashboard = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(configMap.at("/data/fraud-detection-prod.json").asString());
        assertThat(dashboard.get("title").asString()).isEqualTo("fraud-detection models (prod)");
        assertThat(dashboard.get("uid").asString()).isEqualTo("fraud-detection-prod");
        // two per served model (latency, 5xx), then the scorer's quality: its drift by feature and its accuracy
        assertThat(dashboard.get("panels")).hasSize(8);
        assertThat(dashboard.at("/panels/0/targets/0/expr").asString()).contains("revision_app_request_latencies_bucket");
        assertThat(dashboard.at("/panels/6/title").asString()).isEqualTo("fraud-detection-scorer drift score by feature");
        assertThat(dashboard.at("/panels/6/targets/0/expr").asString()).isEqualTo(
                "max by (namespace, feature) (model_drift_score{namespace=\"fraud\", model=\"fraud-detection-scorer\"})");
        assertThat(dashboard.at("/panels/7/title").asString()).isEqualTo("fraud-detection-scorer accuracy");
        assertThat(dashboard.at("/panels/7/targets/0/expr").asString()).isEqualTo(
                "min by (namespace) (model_accuracy{namespace=\"fraud\", model=\"fraud-detection-scorer\"})");
        assertThat(dashboard.at("/panels/7/fieldConfig/defaults/unit").asString()).isEqualTo("percentunit");
    }

    @Test
    void withoutDashboardsThereIsNoConfigMap() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("monitoring")).put("dashboards", false);
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName()).doesNotContainKey("ConfigMap/fraud-detection-dashboard")
                .containsKey("PrometheusRule/fraud-detection-alerts");
    }

    @Test
    void durationsBecomeSeconds() {
        assertThat(PrometheusMonitoring.seconds("250ms")).isEqualTo("0.25");
        assertThat(PrometheusMonitoring.seconds("1500ms")).isEqualTo("1.5");
        assertThat(PrometheusMonitoring.seconds("2s")).isEqualTo("2");
        assertThat(PrometheusMonitoring.seconds("5m")).isEqualTo("300");
        assertThat(PrometheusMonitoring.seconds("1h")).isEqualTo("3600");
    }

    private static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
