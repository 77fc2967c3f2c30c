package dev.mlgitops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ProjectMetadata;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.node.ObjectNode;

class MeaningCheckerTest {

    private static final Path REFERENCE = Path.of("../example-repo/mlproject.yaml");

    /** The reference spec, changed by {@code edit}, checked as the base of a one-environment project. */
    private static List<String> check(Consumer<ObjectNode> edit) {
        ObjectNode root = (ObjectNode) KubeYaml.mapper().readTree(REFERENCE.toFile());
        ObjectNode spec = (ObjectNode) root.get("spec");
        edit.accept(spec);
        ProjectMetadata metadata = KubeYaml.mapper().treeToValue(root.get("metadata"), ProjectMetadata.class);
        Spec bound = KubeYaml.mapper().treeToValue(spec, Spec.class);
        List<ResolvedEnvironment> environments = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, Spec.EnvironmentSpec> e : bound.environments().entrySet()) {
            Target target = new Target(e.getKey(), order++, e.getValue().cluster(), e.getValue().namespace(), false);
            environments.add(new ResolvedEnvironment(metadata, bound, Optional.of(target)));
        }
        ResolvedProject project = new ResolvedProject("mlproject.yaml", ResolvedEnvironment.base(metadata, bound),
                environments);
        Findings findings = new Findings();
        new MeaningChecker().check(project, findings);
        return findings.sorted().stream().map(f -> f.format("mlproject.yaml")).toList();
    }

    private static ObjectNode at(ObjectNode spec, String pointer) {
        return (ObjectNode) spec.at(pointer);
    }

    @Test
    void acceptsTheReferenceSpec() {
        assertThat(check(spec -> { })).isEmpty();
    }

    @Test
    void rejectsDependsOnAnUnknownStepNamingTheSteps() {
        List<String> findings = check(spec ->
                at(spec, "/training/nightly/steps/train").putArray("dependsOn").add("extrakt"));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-STEP-UNKNOWN] "
                + "spec.training.nightly.steps.train.dependsOn[0]: step 'train' depends on 'extrakt', which is not "
                + "a step of this pipeline; steps: extract, train, evaluate");
    }

    @Test
    void rejectsStepCycleWithThePath() {
        List<String> findings = check(spec ->
                at(spec, "/training/nightly/steps/extract").putArray("dependsOn").add("evaluate"));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-STEP-CYCLE] "
                + "spec.training.nightly.steps.extract.dependsOn: the steps depend on each other in a cycle: "
                + "extract -> evaluate -> train -> extract; remove one of these dependsOn entries");
    }

    @Test
    void rejectsRegisterModelAndARegisteredServedModelWithoutAModelRegistry() {
        List<String> findings = check(spec -> spec.remove("modelRegistry"));

        assertThat(findings).containsExactlyInAnyOrder("mlproject.yaml: error [MLG-CHECK-REGISTER-WITHOUT-REGISTRY] "
                + "spec.training.nightly.registerModel: registerModel 'fraud-classifier' needs a model registry: "
                + "add spec.modelRegistry or remove registerModel",
                "mlproject.yaml: error [MLG-CHECK-REGISTERED-WITHOUT-REGISTRY] spec.serving.scorer.model.registered:"
                + " served model 'scorer' loads registered model 'fraud-classifier', which only the project's model"
                + " registry resolves: add spec.modelRegistry or give model.storageUri instead");
    }

    /** The base and each of the three environments find it; it is reported once. */
    @Test
    void rejectsMlflowsBaseImageNamingTheDriversItLacksAndTheFullImage() {
        List<String> findings = check(spec -> {
            ((ObjectNode) spec.get("images")).put("mlflow", "ghcr.io/mlflow/mlflow:v3.5.0");
            at(spec, "/modelRegistry").put("image", "mlflow");
        });

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-MLFLOW-IMAGE] spec.modelRegistry.image:"
                + " image 'ghcr.io/mlflow/mlflow:v3.5.0' is MLflow's base image, without a driver for its postgresql"
                + " database and a client for its s3:// artifact store, so the tracking server fails at start: use"
                + " ghcr.io/mlflow/mlflow:v3.16.1-full (MLflow's -full image, 3.9 and later) or an image built from"
                + " the base with pip install psycopg2-binary boto3");
    }

    @Test
    void acceptsMlflowsFullImageAndAnImageOfTheProjectsOwn() {
        for (String image : List.of("ghcr.io/mlflow/mlflow:v3.9.0-full", "registry.example.com/mlflow-pg-s3:3.5.0",
                "ghcr.io/mlflow/mlflow@sha256:" + "0".repeat(64))) {
            assertThat(check(spec -> {
                ((ObjectNode) spec.get("images")).put("mlflow", image);
                at(spec, "/modelRegistry").put("image", "mlflow");
            })).as(image).isEmpty();
        }
    }

    @Test
    void rejectsAMinimumAboveTheMaximum() {
        List<String> findings = check(spec -> at(spec, "/serving/explainer/replicas").put("min", 5));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-REPLICAS-ORDER] "
                + "spec.serving.explainer.replicas.min: replicas.min (5) is greater than replicas.max (4): "
                + "lower min or raise max");
    }

    @Test
    void rejectsCanaryOnThePlainDeploymentEngine() {
        List<String> findings = check(spec ->
                at(spec, "/serving/explainer").putObject("canary").put("trafficPercent", 10));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-CANARY-ENGINE] "
                + "spec.serving.explainer.canary: canary traffic needs engine kserve, but 'explainer' uses engine "
                + "deployment: remove canary or switch the engine");
    }

    @Test
    void rejectsAScheduleWithAMinuteOutOfRange() {
        List<String> findings = check(spec -> at(spec, "/training/nightly").put("schedule", "60 2 * * *"));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-CRON] "
                + "spec.training.nightly.schedule: '60 2 * * *' is not a valid cron schedule: "
                + "the minute '60' is not a number from 0 to 59");
    }

    @Test
    void rejectsZeroCpu() {
        List<String> findings = check(spec -> at(spec, "/serving/explainer/resources").put("cpu", "0m"));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-QUANTITY-ZERO] "
                + "spec.serving.explainer.resources.cpu: cpu is zero: give a positive amount");
    }

    @Test
    void rejectsAWatchedModelWhoseDetectorsServiceNameIsTooLongAtItsQualityItem() {
        String item = "b".repeat(44);
        List<String> findings = check(spec -> {
            ObjectNode serving = at(spec, "/serving");
            serving.set(item, serving.remove("scorer"));
            ObjectNode quality = at(spec, "/monitoring/quality");
            quality.set(item, quality.remove("scorer"));
        });

        // fraud-detection- (16) + 44 = 60 fits the model's Service; with -quality (8) the detector's is 68
        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-NAME-TOO-LONG] "
                + "spec.monitoring.quality." + item + ": the generated name 'fraud-detection-" + item + "-quality' has 68"
                + " characters, more than the 63 a drift detector's Service name allows: shorten '" + item
                + "' or metadata.name");
    }

    @Test
    void rejectsANameTooLongOncePrefixedNamingTheLimitAndTheName() {
        String item = "a".repeat(40);
        List<String> findings = check(spec -> {
            ObjectNode training = at(spec, "/training");
            training.set(item, training.remove("nightly"));
        });

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-NAME-TOO-LONG] "
                + "spec.training." + item + ": the generated name 'fraud-detection-" + item + "' has 56 characters, "
                + "more than the 52 a scheduled job's name allows: shorten '" + item + "' or metadata.name");
    }

    @Test
    void rejectsAGpuRequestAboveTheQuota() {
        List<String> findings = check(spec -> at(spec, "/notebooks/gpu-lab/resources").put("gpu", 16));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-GPU-OVER-QUOTA] "
                + "spec.notebooks.gpu-lab.resources.gpu: notebook 'gpu-lab' asks for 16 GPUs, more than the tenancy "
                + "quota of 14: lower the request or raise spec.tenancy.quota.gpu");
    }

    @Test
    void rejectsTwoEnvironmentsInOneNamespaceOfTheInCluster() {
        List<String> findings = check(spec -> at(spec, "/environments/staging")
                .put("cluster", "https://kubernetes.default.svc/").put("namespace", "fraud-dev"));

        assertThat(findings).containsExactly("mlproject.yaml: error [MLG-CHECK-SAME-PLACEMENT] "
                + "spec.environments.staging.namespace: environments 'dev' and 'staging' both deploy to namespace "
                + "'fraud-dev' of cluster 'https://kubernetes.default.svc/': give each its own namespace");
    }

    @Test
    void rejectsAnExistingSecretKeyThatIsNoSecretName() {
        List<String> findings = check(spec -> {
            at(spec, "/secrets").put("provider", "existing").remove("store");
            at(spec, "/secrets/entries/mlflow-db").put("key", "mlflow-db.credentials");
        });

        assertThat(findings).containsExactly(
                existingSecretName("feast-redis", "ml/fraud/redis"), existingSecretName("huggingface", "ml/fraud/huggingface"),
                existingSecretName("object-store", "ml/fraud/s3"), existingSecretName("oidc-client", "ml/fraud/oidc-client"));
    }

    @Test
    void acceptsStorePathsAsKeysUnderExternalSecrets() {
        assertThat(check(spec -> at(spec, "/secrets/entries/mlflow-db").put("key", "ml/Fraud/DB"))).isEmpty();
    }

    private static String existingSecretName(String entry, String key) {
        return "mlproject.yaml: error [MLG-CHECK-EXISTING-SECRET-NAME] spec.secrets.entries." + entry + ".key: '" + key
                + "' is not a Secret name, yet with provider existing the key of entry '" + entry + "' names the Secret "
                + "to use: give the name of a Secret in the namespace (lowercase letters, digits, '-' and '.')";
    }
}
