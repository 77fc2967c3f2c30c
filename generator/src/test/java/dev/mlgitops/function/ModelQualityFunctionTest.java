package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.finding.Finding;

/**
 * The function step over the reference's model-quality monitoring: the scorer's logger reaches
 * its drift detector, Prometheus reaches the detector's metrics, the detector reaches its ground
 * truth, and the detector and KServe's agent count in the quota.
 */
class ModelQualityFunctionTest {

    @TempDir
    Path folder;

    @Test
    void theReferencesDetectorIsWiredAndItsPoliciesLetExactlyItsPathsThrough() {
        BuildOutcome generation = Builder.build(CaseFolders.REFERENCE, BuildOptions.defaults());

        assertThat(generation.findings().sorted()).filteredOn(f -> f.code().id().startsWith("MLG-FUNCTION-")).isEmpty();
        var files = generation.tree().orElseThrow().files();
        assertThat(files.get("base/serving/inferenceservice-fraud-detection-scorer.yaml"))
                .contains("    logger:\n      mode: all\n      url: http://fraud-detection-scorer-quality:8080\n");
        assertThat(files.get("base/tenancy/networkpolicy-fraud-detection-scorer-quality-allow-logging.yaml"))
                .contains("  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: fraud-detection-scorer-quality\n")
                .contains("  - from:\n    - podSelector:\n        matchLabels:\n          app.kubernetes.io/name: fraud-detection-scorer\n"
                        + "    ports:\n    - protocol: TCP\n      port: 8080\n");
        assertThat(files.get("base/tenancy/networkpolicy-fraud-detection-scorer-quality-allow-metrics.yaml"))
                .contains("  - from:\n    - namespaceSelector:\n        matchLabels:\n          kubernetes.io/metadata.name: monitoring\n"
                        + "    ports:\n    - protocol: TCP\n      port: 9090\n")
                .doesNotContain("podSelector: {}");
        assertThat(files.get("base/tenancy/networkpolicy-fraud-detection-scorer-quality-to-store.yaml"))
                .contains("      app.kubernetes.io/name: fraud-detection-scorer-quality\n")
                .contains("    ports:\n    - protocol: TCP\n      port: 443\n");
    }

    @Test
    void withoutTheDetectorsPoliciesTheLoggerPrometheusAndTheGroundTruthAreBlockedAtTheirItems() throws IOException {
        BuildOutcome generation = FunctionBuilds.withPolicies(folder, CaseFolders.REFERENCE, template -> template
                .replace("<#list allows as allow>", "<#list allows?filter(a -> !a.name?contains(\"-quality-\")) as allow>")
                .replace("<#list egress as out>", "<#list egress?filter(e -> !e.name?contains(\"-quality-\")) as out>"));

        assertThat(FunctionBuilds.functionFindings(generation)).extracting(f -> f.format("mlproject.yaml")).containsExactly(
                "mlproject.yaml:48:7: error [MLG-FUNCTION-UNREACHABLE] spec.datasets.chargebacks.uri: Deployment"
                        + " fraud-detection-scorer-quality to dataset chargebacks (s3) is blocked on TCP 443 (the"
                        + " source's egress is not allowed): allow it in the tenancy NetworkPolicies or"
                        + " set spec.tenancy.networkPolicy: open",
                "mlproject.yaml:191:7: error [MLG-FUNCTION-UNREACHABLE] spec.monitoring.quality.scorer: Prometheus to"
                        + " Service fraud-detection-scorer-quality (ServiceMonitor fraud-detection-scorer-quality) is"
                        + " blocked on TCP 9090 (the destination's ingress is not allowed): allow it in the tenancy NetworkPolicies or set"
                        + " spec.tenancy.networkPolicy: open",
                "mlproject.yaml:199:9: error [MLG-FUNCTION-UNREACHABLE] spec.monitoring.quality.scorer.logging: KServe's"
                        + " logger of InferenceService fraud-detection-scorer to Service fraud-detection-scorer-quality is"
                        + " blocked on TCP 8080 (the destination's ingress is not allowed): allow it in the tenancy"
                        + " NetworkPolicies or set"
                        + " spec.tenancy.networkPolicy: open");
        assertThat(generation.tree()).isEmpty();
    }

    @Test
    void theDetectorCountsInTheQuotaAtItsItem() throws IOException {
        Path spec = FunctionBuilds.edited(folder, text -> text.replace("resources: {cpu: 250m, memory: 512Mi}   # requests = limits",
                "resources: {cpu: \"200\", memory: 512Mi}   # requests = limits"));

        BuildOutcome generation = Builder.build(spec, BuildOptions.defaults());

        assertThat(FunctionBuilds.functionFindings(generation)).filteredOn(Finding::isError).extracting(f -> f.format("mlproject.yaml"))
                .containsExactly("mlproject.yaml:191:7: error [MLG-FUNCTION-QUOTA-WORKLOAD] spec.monitoring.quality.scorer:"
                        + " Deployment fraud-detection-scorer-quality at its largest scale (1 pod + 1 pod surging in a"
                        + " rolling update) asks for 400 of requests.cpu, more than the namespace's quota of 192, so it never runs whole: lower its"
                        + " replicas, workers or resources, or raise spec.tenancy.quota.cpu");
    }
}
