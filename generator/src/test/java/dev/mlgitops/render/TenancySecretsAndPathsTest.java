package dev.mlgitops.render;

import static dev.mlgitops.render.FeastFeatureStoreTest.container;
import static dev.mlgitops.render.FeastFeatureStoreTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tenancy's part for the other stages: their ServiceAccounts, their Secrets and their network paths. */
class TenancySecretsAndPathsTest {

    @Test
    void everySecretsEntryBecomesAnExternalSecretOwningTheSecretOfTheSameName() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("ExternalSecret/fraud-detection-mlflow-db").get("spec")).isEqualTo(json(
                "{\"refreshInterval\":\"1h\",\"secretStoreRef\":{\"kind\":\"ClusterSecretStore\",\"name\":\"vault\"},"
                        + "\"target\":{\"name\":\"fraud-detection-mlflow-db\",\"creationPolicy\":\"Owner\"},"
                        + "\"dataFrom\":[{\"extract\":{\"key\":\"ml/fraud/mlflow-db\"}}]}"));
        assertThat(prod.byName()).containsKeys("ExternalSecret/fraud-detection-feast-redis",
                "ExternalSecret/fraud-detection-object-store");
    }

    @Test
    void anExistingSecretWithoutAKeyIsTheSecretOfTheEntrysName() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ObjectNode secrets = (ObjectNode) spec.get("secrets");
            secrets.put("provider", "existing").remove("store");
            ((ObjectNode) secrets.at("/entries/feast-redis")).remove("key");
            ((ObjectNode) secrets.at("/entries/mlflow-db")).put("key", "mlflow-postgres");
            ((ObjectNode) secrets.at("/entries/object-store")).put("key", "s3-credentials");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(secretOf(container(rendering.get("Deployment/fraud-detection-feature-server")), "FEAST_ONLINE_STORE_CONNECTION_STRING"))
                .isEqualTo("feast-redis");
        assertThat(secretOf(container(rendering.get("Deployment/fraud-detection-mlflow")), "MLFLOW_BACKEND_STORE_URI"))
                .isEqualTo("mlflow-postgres");
    }

    @Test
    void existingSecretsAreUsedByTheirNameAndNothingIsMadeForThem() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ObjectNode secrets = (ObjectNode) spec.get("secrets");
            secrets.put("provider", "existing").remove("store");
            ((ObjectNode) secrets.at("/entries/feast-redis")).put("key", "redis-credentials");
            ((ObjectNode) secrets.at("/entries/mlflow-db")).put("key", "mlflow-postgres");
            ((ObjectNode) secrets.at("/entries/object-store")).put("key", "s3-credentials");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName().keySet()).noneMatch(name -> name.startsWith("ExternalSecret/"));
        assertThat(secretOf(container(rendering.get("Deployment/fraud-detection-feature-server")), "FEAST_ONLINE_STORE_CONNECTION_STRING"))
                .isEqualTo("redis-credentials");
        assertThat(secretOf(container(rendering.get("CronJob/fraud-detection-materialize")), "FEAST_ONLINE_STORE_CONNECTION_STRING"))
                .isEqualTo("redis-credentials");
        assertThat(secretOf(container(rendering.get("Deployment/fraud-detection-mlflow")), "MLFLOW_BACKEND_STORE_URI"))
                .isEqualTo("mlflow-postgres");
        assertThat(secretOf(container(rendering.get("Deployment/fraud-detection-explainer")), "REDIS_PASSWORD"))
                .isEqualTo("redis-credentials");
    }

    @Test
    void everyWorkloadKindPresentGetsItsServiceAccountAndRunsAsIt() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        for (String kind : new String[] {"feature-store", "model-registry", "notebooks", "serving"}) {
            assertThat(prod.get("ServiceAccount/fraud-detection-" + kind).at("/metadata/annotations/eks.amazonaws.com~1role-arn")
                    .asString()).as(kind).isEqualTo("arn:aws:iam::123456789012:role/fraud-ml");
        }
        assertThat(prod.get("Deployment/fraud-detection-feature-server").at("/spec/template/spec/serviceAccountName").asString())
                .isEqualTo("fraud-detection-feature-store");
        assertThat(prod.get("CronJob/fraud-detection-materialize").at("/spec/jobTemplate/spec/template/spec/serviceAccountName")
                .asString()).isEqualTo("fraud-detection-feature-store");
    }

    @Test
    void servingNotebooksAndTrainingAloneMayReachTheFeatureServerAndMlflowOnTheirPorts() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertPath(prod.get("NetworkPolicy/fraud-detection-serving-to-feature-server"), "fraud-detection-feature-server", "serving", 6566);
        assertPath(prod.get("NetworkPolicy/fraud-detection-serving-to-mlflow"), "fraud-detection-mlflow", "serving", 5000);
        assertPath(prod.get("NetworkPolicy/fraud-detection-notebooks-to-feature-server"), "fraud-detection-feature-server", "notebooks", 6566);
        assertPath(prod.get("NetworkPolicy/fraud-detection-notebooks-to-mlflow"), "fraud-detection-mlflow", "notebooks", 5000);
        // training logs to MLflow (and registers the model) and reads features: both engines get the addresses
        assertPath(prod.get("NetworkPolicy/fraud-detection-training-to-feature-server"), "fraud-detection-feature-server", "training", 6566);
        assertPath(prod.get("NetworkPolicy/fraud-detection-training-to-mlflow"), "fraud-detection-mlflow", "training", 5000);
        assertThat(prod.byName().keySet()).filteredOn(name -> name.startsWith("NetworkPolicy/") && name.contains("-to-")
                && !name.endsWith("-to-stores") && !name.endsWith("-to-model-store") && !name.endsWith("-to-identity") && !name.endsWith("-to-apiserver")
                && !name.endsWith("-to-package-indexes") && !name.endsWith("-to-store")).hasSize(6);
    }

    @Test
    void theProxiesReachTheIdentityProviderAndAPrivateNotebookItsPackageIndexesOn443Only() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        for (String[] egress : new String[][] {
            {"serving-to-identity", "{\"app.kubernetes.io/component\":\"serving\",\"app.kubernetes.io/part-of\":\"fraud-detection\"}"},
            {"notebooks-to-identity", "{\"app.kubernetes.io/component\":\"notebooks\",\"app.kubernetes.io/part-of\":\"fraud-detection\"}"},
            {"alice-to-package-indexes", "{\"app.kubernetes.io/name\":\"fraud-detection-alice\"}"}}) {
            ObjectNode policy = prod.get("NetworkPolicy/fraud-detection-" + egress[0]);
            assertThat(policy.at("/spec/podSelector/matchLabels")).as(egress[0]).isEqualTo(json(egress[1]));
            assertThat(policy.at("/spec/egress/0/ports")).as(egress[0]).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":443}]"));
            assertThat(policy.at("/spec/egress/0/to/0/ipBlock")).as(egress[0])
                    .isEqualTo(json("{\"cidr\":\"0.0.0.0/0\",\"except\":[\"169.254.169.254/32\"]}"));
        }
        // gpu-lab names no egress and no owner
        assertThat(prod.byName()).doesNotContainKey("NetworkPolicy/fraud-detection-gpu-lab-to-package-indexes")
                .doesNotContainKey("NetworkPolicy/fraud-detection-gpu-lab-allow-proxy");
    }

    @Test
    void theStoresServersTrainingAndServingMayLeaveTheNamespaceOnTheirStoresPortsButNotForTheMetadataAddress() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        String[][] stages = {{"feature-store", "443, 6379"}, {"model-registry", "443, 5432"}, {"training", "443"},
            {"serving", "443, 6379"}};
        for (String[] stage : stages) {
            ObjectNode policy = prod.get("NetworkPolicy/fraud-detection-" + stage[0] + "-to-stores");
            assertThat(policy.at("/spec/podSelector/matchLabels")).isEqualTo(json(
                    "{\"app.kubernetes.io/component\":\"" + stage[0] + "\",\"app.kubernetes.io/part-of\":\"fraud-detection\"}"));
            assertThat(policy.at("/spec/policyTypes")).isEqualTo(json("[\"Egress\"]"));
            StringBuilder ports = new StringBuilder();
            for (String port : stage[1].split(", ")) {
                ports.append(ports.length() == 0 ? "" : ",").append("{\"protocol\":\"TCP\",\"port\":").append(port).append('}');
            }
            assertThat(policy.at("/spec/egress")).as(stage[0]).isEqualTo(json(
                    "[{\"to\":[{\"ipBlock\":{\"cidr\":\"0.0.0.0/0\",\"except\":[\"169.254.169.254/32\"]}},"
                            + "{\"ipBlock\":{\"cidr\":\"::/0\",\"except\":[\"fd00:ec2::254/128\"]}}],"
                            + "\"ports\":[" + ports + "]}]"));
        }
        assertThat(prod.byName().keySet()).filteredOn(name -> name.endsWith("-to-stores")).hasSize(4);
    }

    @Test
    void pathsToTheStoresFollowTheEnvironmentsStages() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            spec.remove("modelRegistry");
            spec.remove("notebooks");
            spec.remove("training");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName().keySet()).filteredOn(name -> name.startsWith("NetworkPolicy/") && name.contains("-to-"))
                .containsExactly("NetworkPolicy/fraud-detection-feature-store-to-stores",
                        "NetworkPolicy/fraud-detection-serving-to-stores",
                        "NetworkPolicy/fraud-detection-serving-to-identity",
                        "NetworkPolicy/fraud-detection-assistant-to-model-store",
                        "NetworkPolicy/fraud-detection-scorer-quality-to-store",
                        "NetworkPolicy/fraud-detection-serving-to-feature-server");
    }

    @Test
    void theDeploymentEngineAloneOpensTheOnlineStoreOnRedisOnlyAndSharesTheStagesPolicyWithKserve() {
        // without the kserve scorer, the serving stage's stores are what the deployment engine declares: Redis
        Rendering alone = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("serving")).remove("scorer");
            ((ObjectNode) spec.get("monitoring")).remove("quality");
            return spec;
        }));

        assertThat(alone.errors()).isEmpty();
        assertThat(alone.get("NetworkPolicy/fraud-detection-serving-to-stores").at("/spec/egress/0/ports"))
                .isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":6379}]"));
        // with it, one policy for both engines, on the ports of both
        assertThat(Rendering.of(ReferenceProject.prod()).get("NetworkPolicy/fraud-detection-serving-to-stores")
                .at("/spec/egress/0/ports")).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":443},{\"protocol\":\"TCP\",\"port\":6379}]"));
    }

    private static void assertPath(ObjectNode policy, String target, String fromStage, int port) {
        assertThat(policy.at("/spec/podSelector")).isEqualTo(json("{\"matchLabels\":{\"app.kubernetes.io/name\":\"" + target + "\"}}"));
        assertThat(policy.at("/spec/policyTypes")).isEqualTo(json("[\"Ingress\"]"));
        assertThat(policy.at("/spec/ingress")).isEqualTo(json("[{\"from\":[{\"podSelector\":{\"matchLabels\":"
                + "{\"app.kubernetes.io/component\":\"" + fromStage + "\",\"app.kubernetes.io/part-of\":\"fraud-detection\"}}}],"
                + "\"ports\":[{\"protocol\":\"TCP\",\"port\":" + port + "}]}]"));
    }

    private static String secretOf(JsonNode container, String variable) {
        for (JsonNode env : container.get("env")) {
            if (env.get("name").asString().equals(variable)) {
                return env.at("/valueFrom/secretKeyRef/name").asString();
            }
        }
        throw new AssertionError(variable + " not in " + container.get("env"));
    }
}
