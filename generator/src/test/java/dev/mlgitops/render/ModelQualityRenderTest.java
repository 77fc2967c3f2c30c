package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The objects of spec.monitoring.quality: the scorer's detector, its logger, its alerts, and their variants. */
class ModelQualityRenderTest {

    private static final String DETECTOR = "fraud-detection-scorer-quality";

    @Test
    void theScorersDetectorIsARestrictedDeploymentOfTheUsersImageWithItsContractsPortsAndEnv() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.errors()).isEmpty();
        ObjectNode deployment = prod.get("Deployment/" + DETECTOR);
        assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1component").asString()).isEqualTo("monitoring");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/serviceAccountName").asString()).isEqualTo("fraud-detection-quality-detector");
        assertThat(pod.at("/automountServiceAccountToken").asBoolean()).isFalse();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/image").asString()).isEqualTo("registry.example.com/risk/fraud-drift-detector:0.3.1");
        assertThat(container.at("/ports").toString()).isEqualTo(
                "[{\"name\":\"http\",\"containerPort\":8080,\"protocol\":\"TCP\"},"
                        + "{\"name\":\"metrics\",\"containerPort\":9090,\"protocol\":\"TCP\"}]");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/healthz");
        assertThat(container.at("/resources/requests").toString()).isEqualTo("{\"cpu\":\"250m\",\"memory\":\"512Mi\"}");
        assertThat(container.at("/resources/limits").toString()).isEqualTo("{\"cpu\":\"250m\",\"memory\":\"512Mi\"}");
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        List<String> env = new ArrayList<>();
        container.get("env").forEach(e -> env.add(e.get("name").asString() + "=" + e.get("value").asString()));
        assertThat(env).containsExactly("HOME=/tmp", "MLGITOPS_MODEL=fraud-detection-scorer",
                "MLGITOPS_GROUND_TRUTH=chargebacks", "MLGITOPS_DATASET_CHARGEBACKS_URI=s3://risk-ml/datasets/chargebacks",
                "MLGITOPS_DATASET_CHARGEBACKS_VERSION=v42");
        ObjectNode service = prod.get("Service/" + DETECTOR);
        assertThat(service.at("/spec/selector").toString()).isEqualTo("{\"app.kubernetes.io/name\":\"" + DETECTOR + "\"}");
        ObjectNode monitor = prod.get("ServiceMonitor/" + DETECTOR);
        assertThat(monitor.at("/metadata/labels/release").asString()).isEqualTo("kube-prometheus-stack");
        assertThat(monitor.at("/spec/endpoints").toString()).isEqualTo(
                "[{\"port\":\"metrics\",\"path\":\"/metrics\",\"interval\":\"30s\"}]");
        assertThat(prod.get("InferenceService/fraud-detection-scorer").at("/spec/predictor/logger").toString())
                .isEqualTo("{\"mode\":\"all\",\"url\":\"http://" + DETECTOR + ":8080\"}");
        assertThat(prod.objects()).filteredOn(o -> o.key().name().equals(DETECTOR))
                .extracting(o -> o.source()).containsOnly("/monitoring/quality/scorer");
    }

    @Test
    void theAlertsSelectTheNamespaceAndTheModelAndNameItInTheirAnnotations() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        JsonNode group = prod.get("PrometheusRule/fraud-detection-alerts").at("/spec/groups/1");
        assertThat(group.get("name").asString()).isEqualTo("fraud-detection.serving-quality");
        List<String> rules = new ArrayList<>();
        group.get("rules").forEach(rule -> rules.add(rule.get("alert").asString() + " | " + rule.get("expr").asString()
                + " | " + rule.get("for").asString() + " | " + rule.at("/labels/model").asString()));
        String selector = "{namespace=\"fraud\", model=\"fraud-detection-scorer\"}";
        assertThat(rules).containsExactly(
                "ModelDriftHigh | max by (namespace, feature) (model_drift_score" + selector + ") > 0.3 | 15m | fraud-detection-scorer",
                "ModelAccuracyLow | min by (namespace) (model_accuracy" + selector + ") < 0.9 | 15m | fraud-detection-scorer",
                "ModelDriftMetricAbsent | absent(model_drift_score" + selector + ") | 30m | fraud-detection-scorer",
                "ModelAccuracyMetricAbsent | absent(model_accuracy" + selector + ") | 30m | fraud-detection-scorer");
        group.get("rules").forEach(rule -> assertThat(rule.at("/annotations/summary").asString()
                + rule.at("/annotations/description").asString()).contains("fraud-detection-scorer"));
    }

    @Test
    void withoutAccuracyOrLoggingThereIsNoAccuracyAlertNoLoggerNoLoggingPolicyAndNoGroundTruth() {
        Rendering prod = Rendering.of(new ResolvedEnvironment(ReferenceProject.metadata(), ReferenceProject.spec(spec -> {
            ObjectNode quality = (ObjectNode) spec.at("/monitoring/quality/scorer");
            quality.remove("accuracy");
            quality.put("logging", false);
            return spec;
        }), Optional.of(ReferenceProject.PROD)));

        assertThat(prod.errors()).isEmpty();
        List<String> alerts = new ArrayList<>();
        prod.get("PrometheusRule/fraud-detection-alerts").at("/spec/groups/1/rules")
                .forEach(rule -> alerts.add(rule.get("alert").asString()));
        assertThat(alerts).containsExactly("ModelDriftHigh", "ModelDriftMetricAbsent");
        assertThat(prod.get("InferenceService/fraud-detection-scorer").at("/spec/predictor").has("logger")).isFalse();
        assertThat(prod.byName()).containsKeys("Deployment/" + DETECTOR, "ServiceMonitor/" + DETECTOR,
                        "NetworkPolicy/" + DETECTOR + "-allow-metrics")
                .doesNotContainKeys("NetworkPolicy/" + DETECTOR + "-allow-logging", "NetworkPolicy/" + DETECTOR + "-to-store");
        assertThat(prod.get("Deployment/" + DETECTOR).at("/spec/template/spec/containers/0/env").toString())
                .doesNotContain("MLGITOPS_DATASET_");
    }

    @Test
    void aDeploymentModelGetsItsDetectorAndTheDetectorsDoorButNoLoggerOfMlgitops() {
        Rendering prod = Rendering.of(new ResolvedEnvironment(ReferenceProject.metadata(), ReferenceProject.spec(spec -> {
            ObjectNode quality = (ObjectNode) spec.at("/monitoring/quality");
            quality.set("explainer", quality.get("scorer").deepCopy());
            return spec;
        }), Optional.of(ReferenceProject.PROD)));

        assertThat(prod.errors()).isEmpty();
        assertThat(prod.byName()).containsKeys("Deployment/fraud-detection-explainer-quality",
                "NetworkPolicy/fraud-detection-explainer-quality-allow-logging");
        ObjectNode explainer = prod.get("Deployment/fraud-detection-explainer");
        assertThat(explainer.at("/spec/template/spec/containers").toString()).doesNotContain("explainer-quality");
        assertThat(prod.get("NetworkPolicy/fraud-detection-explainer-quality-allow-logging").at("/spec/ingress/0/from/0")
                .toString()).isEqualTo("{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"fraud-detection-explainer\"}}}");
    }
}
