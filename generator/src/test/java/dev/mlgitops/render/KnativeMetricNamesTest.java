package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The alerts and dashboards of a kserve model read the metric names of the configured Knative Serving version. */
class KnativeMetricNamesTest {

    private static final String SCORER = "fraud-detection-scorer";

    @Test
    void knativeUpTo118ReadsOpenCensusNamesInMilliseconds() {
        Rendering rendering = ClusterFactsTest.prod(spec -> ClusterFactsTest.cluster(spec, "{\"knative\": {\"version\": \"1.18\"}}"));

        assertThat(scorerRule(rendering, "ServedModelLatencyHigh")).isEqualTo("histogram_quantile(0.99, sum by (namespace, le)"
                + " (rate(revision_app_request_latencies_bucket{namespace=\"fraud\", service_name=\"" + SCORER
                + "-predictor\"}[5m]))) / 1000 > 0.25");
        assertThat(scorerRule(rendering, "ServedModelMetricsAbsent"))
                .isEqualTo("absent(revision_app_request_count{namespace=\"fraud\", service_name=\"" + SCORER + "-predictor\"})");
    }

    @Test
    void knative119AndLaterReadOpenTelemetryNamesInSeconds() {
        for (String version : List.of("1.19", "1.20.1", "2.0")) {
            Rendering rendering = ClusterFactsTest.prod(spec -> ClusterFactsTest.cluster(spec,
                    "{\"knative\": {\"version\": \"" + version + "\"}}"));

            assertThat(scorerRule(rendering, "ServedModelLatencyHigh")).as(version).isEqualTo(
                    "histogram_quantile(0.99, sum by (namespace, le) (rate(kn_serving_invocation_duration_seconds_bucket"
                            + "{namespace=\"fraud\", kn_service_name=\"" + SCORER + "-predictor\"}[5m]))) > 0.25");
            assertThat(scorerRule(rendering, "ServedModelErrorRateHigh")).as(version).isEqualTo(
                    "sum by (namespace) (rate(kn_serving_invocation_duration_seconds_count{namespace=\"fraud\", kn_service_name=\""
                            + SCORER + "-predictor\", http_response_status_code=~\"5..\"}[5m])) / sum by (namespace)"
                            + " (rate(kn_serving_invocation_duration_seconds_count{namespace=\"fraud\", kn_service_name=\""
                            + SCORER + "-predictor\"}[5m])) > 0.02");
            assertThat(scorerRule(rendering, "ServedModelMetricsAbsent")).as(version).isEqualTo(
                    "absent(kn_serving_invocation_duration_seconds_count{namespace=\"fraud\", kn_service_name=\"" + SCORER
                            + "-predictor\"})");
            List<String> queries = new ArrayList<>();
            dashboard(rendering).get("panels").forEach(p -> queries.add(p.at("/targets/0/expr").asString()));
            assertThat(queries).filteredOn(q -> q.contains(SCORER + "-predictor"))
                    .hasSize(2)
                    .allSatisfy(q -> assertThat(q).contains("kn_serving_invocation_duration_seconds_")
                            .doesNotContain("revision_app_request"));
        }
    }

    @Test
    void everyServedModelHasAnAbsenceAlertButOneThatMayScaleToZero() {
        Rendering rendering = ClusterFactsTest.prod(spec -> {
            ((ObjectNode) spec.at("/serving/scorer/replicas")).put("min", 0);
            return spec;
        });

        List<String> absent = new ArrayList<>();
        rules(rendering).forEach(rule -> {
            if (rule.get("alert").asString().equals("ServedModelMetricsAbsent")) {
                absent.add(rule.at("/labels/model").asString());
                assertThat(rule.get("for").asString()).isEqualTo("30m");
                assertThat(rule.at("/annotations/description").asString()).contains("spec.cluster.knative.version");
            }
        });
        assertThat(absent).containsExactly("fraud-detection-explainer", "fraud-detection-assistant");
        assertThat(rules(rendering).toString()).contains(
                "absent(http_requests_total{namespace=\\\"fraud\\\", job=\\\"fraud-detection-explainer\\\"})",
                "absent(vllm:e2e_request_latency_seconds_count{namespace=\\\"fraud\\\", job=\\\"fraud-detection-assistant\\\"})");
    }

    private static JsonNode rules(Rendering rendering) {
        return rendering.get("PrometheusRule/fraud-detection-alerts").at("/spec/groups/0/rules");
    }

    private static String scorerRule(Rendering rendering, String alert) {
        for (JsonNode rule : rules(rendering)) {
            if (rule.get("alert").asString().equals(alert) && rule.at("/labels/model").asString().equals(SCORER)) {
                return rule.get("expr").asString();
            }
        }
        throw new AssertionError("no " + alert + " for " + SCORER + " in " + rules(rendering));
    }

    private static JsonNode dashboard(Rendering rendering) {
        JsonNode data = rendering.get("ConfigMap/fraud-detection-dashboard").get("data");
        return JsonMapper.builder().build().readTree(data.properties().iterator().next().getValue().asString());
    }
}
