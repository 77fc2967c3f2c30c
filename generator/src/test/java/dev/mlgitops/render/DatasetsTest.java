package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The datasets a pipeline reads reach every step: the reference's nightly pipeline reads
 * transactions (s3://risk-ml/datasets/transactions, 2026-11-30, parquet) and chargebacks
 * (s3://risk-ml/datasets/chargebacks, v42, no format).
 */
class DatasetsTest {

    private static final String INPUTS = "fraud-detection-nightly-inputs";

    @Test
    void thePipelinesInputsConfigMapHoldsTheReleaseAndEachDatasetsFields() {
        ObjectNode inputs = Rendering.of(ReferenceProject.prod()).get("ConfigMap/" + INPUTS);

        assertThat(inputs.get("data")).isEqualTo(json("""
                {"MLGITOPS_RELEASE":"unreleased",
                 "MLGITOPS_DATASET_TRANSACTIONS_URI":"s3://risk-ml/datasets/transactions",
                 "MLGITOPS_DATASET_TRANSACTIONS_VERSION":"2026-11-30",
                 "MLGITOPS_DATASET_TRANSACTIONS_FORMAT":"parquet",
                 "MLGITOPS_DATASET_CHARGEBACKS_URI":"s3://risk-ml/datasets/chargebacks",
                 "MLGITOPS_DATASET_CHARGEBACKS_VERSION":"v42"}"""));
        assertThat(inputs.at("/metadata/labels/app.kubernetes.io~1name").asString()).isEqualTo("fraud-detection-nightly");
    }

    @Test
    void argoStepsReadTheDatasetsAsWorkflowParametersThatDefaultToTheConfigMap() {
        ObjectNode template = Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/fraud-detection-nightly");

        assertThat(template.at("/spec/arguments/parameters/0")).isEqualTo(json("""
                {"name":"dataset-transactions-uri","valueFrom":{"configMapKeyRef":
                  {"name":"fraud-detection-nightly-inputs","key":"MLGITOPS_DATASET_TRANSACTIONS_URI"}}}"""));
        assertThat(names(template.at("/spec/arguments/parameters"))).containsExactly(
                "dataset-transactions-uri", "dataset-transactions-version", "dataset-transactions-format",
                "dataset-chargebacks-uri", "dataset-chargebacks-version");
        JsonNode extract = template.at("/spec/templates/1/container/env");
        assertThat(extract.get(0)).isEqualTo(json("{\"name\":\"HOME\",\"value\":\"/tmp\"}"));
        assertThat(extract.get(1)).isEqualTo(json("{\"name\":\"MLGITOPS_RUN\",\"value\":\"{{workflow.name}}\"}"));
        assertThat(extract.get(2)).isEqualTo(json("""
                {"name":"MLGITOPS_RELEASE","valueFrom":{"configMapKeyRef":{"name":"fraud-detection-nightly-inputs","key":"MLGITOPS_RELEASE"}}}"""));
        assertThat(extract.get(4)).isEqualTo(json("""
                {"name":"MLGITOPS_DATASET_TRANSACTIONS_VERSION","value":"{{workflow.parameters.dataset-transactions-version}}"}"""));
        assertThat(extract.get(8)).isEqualTo(json("{\"name\":\"MLGITOPS_DATASETS\",\"value\":\"transactions,chargebacks\"}"));
        assertThat(extract.get(9).get("name").asString()).isEqualTo("MLFLOW_RUN_CONTEXT");
        // MLflow reads the variable as a JSON object of tags; the kubelet expands $(VAR) from the vars before it
        JsonNode tags = json(extract.get(9).get("value").asString());
        assertThat(tags).isEqualTo(json("""
                {"mlgitops.release":"$(MLGITOPS_RELEASE)","mlgitops.pipeline":"nightly","mlgitops.step":"extract",
                 "mlgitops.run":"$(MLGITOPS_RUN)",
                 "mlgitops.dataset.transactions.uri":"$(MLGITOPS_DATASET_TRANSACTIONS_URI)",
                 "mlgitops.dataset.transactions.version":"$(MLGITOPS_DATASET_TRANSACTIONS_VERSION)",
                 "mlgitops.dataset.transactions.format":"$(MLGITOPS_DATASET_TRANSACTIONS_FORMAT)",
                 "mlgitops.dataset.chargebacks.uri":"$(MLGITOPS_DATASET_CHARGEBACKS_URI)",
                 "mlgitops.dataset.chargebacks.version":"$(MLGITOPS_DATASET_CHARGEBACKS_VERSION)",
                 "mlgitops.datasets":"transactions,chargebacks"}"""));
    }

    @Test
    void jobStepsReadTheDatasetsFromTheConfigMap() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            nightly.remove("schedule");
            return spec;
        }));
        assertThat(rendering.errors()).isEmpty();
        JsonNode env = rendering.get("Job/fraud-detection-nightly").at("/spec/template/spec/initContainers/0/env");

        assertThat(env.get(3)).isEqualTo(json("""
                {"name":"MLGITOPS_DATASET_TRANSACTIONS_URI","valueFrom":{"configMapKeyRef":
                  {"name":"fraud-detection-nightly-inputs","key":"MLGITOPS_DATASET_TRANSACTIONS_URI"}}}"""));
        assertThat(rendering.get("Job/fraud-detection-nightly").at("/spec/template/spec/arguments").isMissingNode()).isTrue();
    }

    @Test
    void everyRankOfAPyTorchJobGetsItsDatasetsAndAStepsOwnEnvWins() {
        ResolvedEnvironment environment = ReferenceProject.edited(spec -> {
            ObjectNode distributed = (ObjectNode) spec.at("/training/distributed");
            distributed.putArray("datasets").add("chargebacks");
            return spec;
        });
        Rendering rendering = Rendering.of(environment);
        JsonNode env = rendering.get("PyTorchJob/fraud-detection-distributed")
                .at("/spec/pytorchReplicaSpecs/Worker/template/spec/containers/0/env");

        assertThat(names(env)).startsWith("HOME", "MLGITOPS_RELEASE", "MLGITOPS_DATASET_CHARGEBACKS_URI",
                "MLGITOPS_DATASET_CHARGEBACKS_VERSION", "MLGITOPS_DATASETS", "MLFLOW_RUN_CONTEXT");
        assertThat(rendering.get("ConfigMap/fraud-detection-distributed-inputs").get("data")).isEqualTo(json("""
                {"MLGITOPS_RELEASE":"unreleased",
                 "MLGITOPS_DATASET_CHARGEBACKS_URI":"s3://risk-ml/datasets/chargebacks",
                 "MLGITOPS_DATASET_CHARGEBACKS_VERSION":"v42"}"""));

        Rendering own = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/training/nightly/steps/train/env")).put("MLFLOW_RUN_CONTEXT", "{}");
            return spec;
        }));
        JsonNode train = own.get("WorkflowTemplate/fraud-detection-nightly").at("/spec/templates/2/container/env");
        assertThat(names(train)).containsOnlyOnce("MLFLOW_RUN_CONTEXT");
        assertThat(train.get(train.size() - 1)).isEqualTo(json("{\"name\":\"MLFLOW_RUN_CONTEXT\",\"value\":\"{}\"}"));
    }

    private static java.util.List<String> names(JsonNode items) {
        java.util.List<String> names = new java.util.ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asString()));
        return names;
    }

    private static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
