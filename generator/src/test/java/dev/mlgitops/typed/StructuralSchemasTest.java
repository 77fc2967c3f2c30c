package dev.mlgitops.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class StructuralSchemasTest {

    private final StructuralSchemas schemas = StructuralSchemas.shipped();

    static Stream<String> kinds() {
        return Stream.of("WorkflowTemplate", "CronWorkflow", "PyTorchJob", "InferenceService", "ServiceMonitor",
                "PrometheusRule", "ExternalSecret", "Application", "AppProject", "ApplicationSet");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void acceptsTheReferenceExampleOfEachKind(String kind) {
        JsonNode object = example(kind, "valid.yaml");

        assertThat(problems(object)).isEmpty();
    }

    @Test
    void rejectsServiceMonitorWithoutEndpoints() {
        assertThat(problems(example("ServiceMonitor", "without-endpoints.yaml")))
                .containsExactly("spec.endpoints: required field is missing");
    }

    @Test
    void acceptsKnativeInferenceServiceWithCanaryTraffic() {
        assertThat(problems(example("InferenceService", "knative-canary.yaml"))).isEmpty();
    }

    @Test
    void rejectsStorageUriTypoOnInferenceService() {
        assertThat(problems(example("InferenceService", "storage-uri-typo.yaml"))).singleElement().asString()
                .startsWith("spec.predictor.sklearn.storageURI: unknown field, did you mean 'storageUri'? (known: ");
    }

    @Test
    void rejectsGpuScaleMetricOnInferenceService() {
        assertThat(problems(example("InferenceService", "gpu-scale-metric.yaml")))
                .containsExactly("spec.predictor.scaleMetric: 'gpu' is not one of cpu, memory, concurrency, rps");
    }

    @Test
    void checksPodTemplatesInsideCustomResourcesAgainstTheCoreTypes() {
        ObjectNode job = (ObjectNode) example("PyTorchJob", "valid.yaml");
        ObjectNode master = (ObjectNode) job.get("spec").get("pytorchReplicaSpecs").get("Master");
        ObjectNode container = (ObjectNode) master.get("template").get("spec").get("containers").get(0);
        container.set("resource", container.remove("resources"));
        container.remove("name");

        assertThat(problems(job)).containsExactlyInAnyOrder(
                "spec.pytorchReplicaSpecs.Master.template.spec.containers[0].resource: unknown field, "
                        + "did you mean 'resources'? (known: args, command, env, envFrom, image, imagePullPolicy, "
                        + "lifecycle, livenessProbe, name, ports, readinessProbe, resizePolicy, ...)",
                "spec.pytorchReplicaSpecs.Master.template.spec.containers[0].name: required field is missing");
    }

    @Test
    void rejectsSingularScheduleOnCronWorkflow() {
        assertThat(problems(example("CronWorkflow", "singular-schedule.yaml"))).containsExactlyInAnyOrder(
                "spec.schedule: unknown field, did you mean 'schedules'? (known: concurrencyPolicy, "
                        + "failedJobsHistoryLimit, schedules, startingDeadlineSeconds, stopStrategy, "
                        + "successfulJobsHistoryLimit, suspend, timezone, when, workflowMetadata, workflowSpec)",
                "spec.schedules: required field is missing");
    }

    @Test
    void rejectsApplicationWithoutProject() {
        assertThat(problems(example("Application", "without-project.yaml")))
                .containsExactly("spec.project: required field is missing");
    }

    @Test
    void rejectsLowerCaseSelfhealOnApplication() {
        assertThat(problems(example("Application", "selfheal-lowercase.yaml")))
                .containsExactly("spec.syncPolicy.automated.selfheal: unknown field, did you mean 'selfHeal'? "
                        + "(known: allowEmpty, prune, selfHeal)");
    }

    @Test
    void rejectsTyposInAnApplicationSetAndItsTemplate() {
        assertThat(problems(example("ApplicationSet", "typos.yaml"))).containsExactlyInAnyOrder(
                "spec.goTemplateOption: unknown field, did you mean 'goTemplateOptions'? (known: applyNestedSelectors,"
                        + " generators, goTemplate, goTemplateOptions, ignoreApplicationDifferences, preservedFields,"
                        + " strategy, syncPolicy, template, templatePatch)",
                "spec.template.metadata.label: unknown field, did you mean 'labels'? (known: annotations, finalizers,"
                        + " labels, name, namespace)");
    }

    @Test
    void rejectsUnknownFieldNamingTheKnownOnes() {
        ObjectNode object = (ObjectNode) example("ServiceMonitor", "valid.yaml");
        ((ObjectNode) object.get("spec").get("endpoints").get(0)).put("intervall", "30s");

        assertThat(problems(object)).singleElement().asString()
                .startsWith("spec.endpoints[0].intervall: unknown field, did you mean 'interval'? (known: ");
    }

    @Test
    void rejectsTypeMismatch() {
        ObjectNode object = (ObjectNode) example("PrometheusRule", "valid.yaml");
        ((ObjectNode) object.get("spec").get("groups").get(0)).put("limit", "ten");

        assertThat(problems(object)).containsExactly("spec.groups[0].limit: expected an integer, got 'ten'");
    }

    @Test
    void rejectsUnknownMetadataField() {
        ObjectNode object = (ObjectNode) example("PrometheusRule", "valid.yaml");
        ((ObjectNode) object.get("metadata")).put("label", "x");

        assertThat(problems(object)).singleElement().asString().startsWith("metadata.label: unknown field");
    }

    @Test
    void rejectsAnObjectWhoseKindDiffersFromTheOneAsked() {
        JsonNode rule = example("PrometheusRule", "valid.yaml");

        assertThat(schemas.problems("monitoring.coreos.com/v1", "ServiceMonitor", rule).orElseThrow())
                .containsExactlyInAnyOrder("kind: expected 'ServiceMonitor', got \"PrometheusRule\"",
                        "spec.endpoints: required field is missing",
                        "spec.selector: required field is missing",
                        "spec.groups: unknown field (known: attachMetadata, bodySizeLimit, "
                        + "convertClassicHistogramsToNHCB, endpoints, fallbackScrapeProtocol, jobLabel, "
                        + "keepDroppedTargets, labelLimit, labelNameLengthLimit, labelValueLengthLimit, "
                        + "namespaceSelector, nativeHistogramBucketLimit, ...)");
    }

    @Test
    void requiresAName() {
        ObjectNode object = (ObjectNode) example("PrometheusRule", "valid.yaml");
        ((ObjectNode) object.get("metadata")).remove("name");

        assertThat(problems(object)).containsExactly("metadata.name: required field is missing");
    }

    @Test
    void leavesKindsItDoesNotKeepToOthers() {
        JsonNode deployment = KubeYaml.mapper().readTree("{apiVersion: apps/v1, kind: Deployment, metadata: {name: x}}");

        assertThat(schemas.problems("apps/v1", "Deployment", deployment)).isEmpty();
        assertThat(schemas.problems("v1", "ConfigMap", deployment)).isEmpty();
        assertThat(schemas.problems("monitoring.coreos.com/v1", "PodMonitor", deployment)).isEmpty();
        assertThat(schemas.problems("../../etc/v1", "Passwd", deployment)).isEmpty();
        // not served since ESO v0.17: no schema, so the caller must not treat it as checked
        assertThat(schemas.knows("external-secrets.io/v1beta1", "ExternalSecret")).isFalse();
        assertThat(schemas.knows("monitoring.coreos.com/v1", "ServiceMonitor")).isTrue();
    }

    private List<String> problems(JsonNode object) {
        return schemas.problems(object.get("apiVersion").asString(), object.get("kind").asString(), object)
                .orElseThrow();
    }

    static JsonNode example(String kind, String file) {
        String resource = "typed/crds/" + kind + "/" + file;
        try (InputStream in = StructuralSchemasTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return KubeYaml.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
