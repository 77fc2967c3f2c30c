package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference's nightly pipeline registers fraud-classifier only when auc >= 0.92, as alias
 * candidate. The generated script runs here under a real Python against a stand-in mlflow module
 * (src/test/resources/render/fake-mlflow), which records what the script asks of the registry.
 */
class GatedRegistrationTest {

    private static final Path FAKE_MLFLOW = Path.of("src/test/resources/render/fake-mlflow");

    @TempDir
    Path temp;

    @Test
    void theRegistrationStepGetsTheModelTheAliasTheGateAndThePipelinesInputs() {
        JsonNode register = Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/fraud-detection-nightly")
                .at("/spec/templates/4/script");
        Map<String, String> env = plainEnv(register.get("env"));

        assertThat(env).containsEntry("MLGITOPS_MODEL", "fraud-classifier").containsEntry("MLGITOPS_MODEL_ALIAS", "candidate")
                .containsEntry("MLGITOPS_GATE_METRIC", "auc").containsEntry("MLGITOPS_GATE_MIN", "0.92")
                .containsEntry("MLGITOPS_RUN", "{{workflow.name}}").doesNotContainKey("MLGITOPS_GATE_MAX");
        assertThat(register.get("env").get(2).at("/valueFrom/configMapKeyRef/key").asString()).isEqualTo("MLGITOPS_RELEASE");
        assertThat(register.get("image").asString()).isEqualTo("registry.example.com/risk/fraud-trainer:1.4.2");
    }

    @Test
    void theShortFormStillRegistersWithTheDefaultAliasAndNoGate() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/training/nightly")).put("registerModel", "fraud-classifier");
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            return spec;
        }));
        assertThat(rendering.errors()).isEmpty();
        JsonNode container = rendering.get("CronJob/fraud-detection-nightly").at("/spec/jobTemplate/spec/template/spec/containers/0");
        Map<String, String> env = plainEnv(container.get("env"));

        assertThat(container.get("name").asString()).isEqualTo("register-model");
        assertThat(env).containsEntry("MLGITOPS_MODEL", "fraud-classifier").containsEntry("MLGITOPS_MODEL_ALIAS", "candidate")
                .doesNotContainKeys("MLGITOPS_GATE_METRIC", "MLGITOPS_GATE_MIN");
        assertThat(container.at("/command/2").asString()).isEqualTo(script());
    }

    @Test
    void aGateThatHoldsRegistersTheTrainedModelTagsItAndSetsTheAlias() throws Exception {
        Run run = run("""
                [{"id": "eval-1", "metrics": {"auc": 0.93}, "tags": {"mlgitops.step": "evaluate"}},
                 {"id": "train-1", "metrics": {"loss": 0.2}, "artifacts": ["model/MLmodel"],
                  "tags": {"mlgitops.dataset.transactions.version": "2026-11-30", "mlgitops.step": "train"}}]""");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("gate passed: auc = 0.93 (run eval-1)")
                .contains("registered fraud-classifier version 7 from run train-1 as candidate");
        assertThat(run.calls()).containsExactly(
                "[\"register_model\", \"runs:/train-1/model\", \"fraud-classifier\"]",
                "[\"set_model_version_tag\", \"fraud-classifier\", \"7\", \"mlgitops.dataset.transactions.version\", \"2026-11-30\"]",
                "[\"set_model_version_tag\", \"fraud-classifier\", \"7\", \"mlgitops.release\", \"0a4b0430d61c\"]",
                "[\"set_model_version_tag\", \"fraud-classifier\", \"7\", \"mlgitops.run\", \"nightly-x7k2\"]",
                "[\"set_registered_model_alias\", \"fraud-classifier\", \"candidate\", \"7\"]");
    }

    @Test
    void anMlflow3LoggedModelIsRegisteredByItsModelIdAndAnMlflow2RunByItsArtifactPath() throws Exception {
        // MLflow 3 keeps a model logged with log_model(name=...) outside the run's artifacts (a LoggedModel)
        Run three = run("""
                [{"id": "eval-1", "metrics": {"auc": 0.95}},
                 {"id": "train-1", "models": ["m-5f1c2a"], "artifacts": []}]""");

        assertThat(three.exit()).as(three.output()).isZero();
        assertThat(three.calls()).first().isEqualTo("[\"register_model\", \"models:/m-5f1c2a\", \"fraud-classifier\"]");

        Run two = run("""
                [{"id": "eval-1", "metrics": {"auc": 0.95}},
                 {"id": "train-1", "artifacts": ["model/MLmodel"]}]""");
        assertThat(two.exit()).as(two.output()).isZero();
        assertThat(two.calls()).first().isEqualTo("[\"register_model\", \"runs:/train-1/model\", \"fraud-classifier\"]");
    }

    @Test
    void aGateThatFailsEndsTheStepWithTheReasonAndRegistersNothing() throws Exception {
        Run below = run("""
                [{"id": "eval-1", "metrics": {"auc": 0.91}},
                 {"id": "train-1", "artifacts": ["model"]}]""");

        assertThat(below.exit()).isEqualTo(1);
        assertThat(below.output()).contains("gate failed: auc = 0.91 is below the minimum 0.92 (run eval-1);"
                + " the model is not registered");
        assertThat(below.calls()).isEmpty();

        Run noMetric = run("[{\"id\": \"train-1\", \"artifacts\": [\"model\"], \"metrics\": {\"loss\": 0.1}}]");
        assertThat(noMetric.exit()).isEqualTo(1);
        assertThat(noMetric.output()).contains("gate failed: no MLflow run tagged mlgitops.run=nightly-x7k2 logged the"
                + " metric auc; the model is not registered");
        assertThat(noMetric.calls()).isEmpty();

        Run noModel = run("[{\"id\": \"eval-1\", \"metrics\": {\"auc\": 0.99}}]");
        assertThat(noModel.exit()).isEqualTo(1);
        assertThat(noModel.output()).contains("no MLflow run tagged mlgitops.run=nightly-x7k2 logged a model (MLflow 3:"
                + " log_model(name=...); MLflow 2: the artifact path model)");
    }

    /** The script as the reference renders it. */
    private static String script() {
        return Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/fraud-detection-nightly")
                .at("/spec/templates/4/script/source").asString();
    }

    private record Run(int exit, String output, List<String> calls) {}

    /** Runs the reference's registration script with its gate's env and the given runs, newest first. */
    private Run run(String runs) throws IOException, InterruptedException {
        assumeTrue(python(), "python3 is on the PATH");
        Path runsFile = Files.writeString(temp.resolve("runs-" + System.nanoTime() + ".json"), runs);
        Path calls = temp.resolve("calls-" + System.nanoTime() + ".jsonl");
        Path script = Files.writeString(temp.resolve("register.py"), script());
        ProcessBuilder builder = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("MLGITOPS_") || key.startsWith("MLFLOW_"));
        env.putAll(plainEnv(Rendering.of(ReferenceProject.prod()).get("WorkflowTemplate/fraud-detection-nightly")
                .at("/spec/templates/4/script/env")));
        env.put("MLGITOPS_RUN", "nightly-x7k2");
        env.put("MLGITOPS_RELEASE", "0a4b0430d61c");
        env.put("PYTHONPATH", FAKE_MLFLOW.toAbsolutePath().toString());
        env.put("FAKE_MLFLOW_RUNS", runsFile.toString());
        env.put("FAKE_MLFLOW_CALLS", calls.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> recorded = Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        return new Run(process.exitValue(), output, recorded);
    }

    private static boolean python() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The env entries with a plain value, by name. */
    private static Map<String, String> plainEnv(JsonNode env) {
        Map<String, String> values = new HashMap<>();
        List<JsonNode> entries = new ArrayList<>();
        env.forEach(entries::add);
        entries.stream().filter(e -> e.has("value")).forEach(e -> values.put(e.get("name").asString(), e.get("value").asString()));
        return values;
    }
}
