package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FeastFeatureStoreTest {

    private static final String SERVER = "fraud-detection-feature-server";
    private static final String CONFIG = "fraud-detection-feature-store";
    private static final String MATERIALIZE = "fraud-detection-materialize";

    @Test
    void rendersServerServiceConfigAndMaterializationOfTheReference() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.errors()).isEmpty();
        assertThat(prod.objects()).filteredOn(o -> o.stage() == Stage.FEATURE_STORE)
                .extracting(o -> o.key().kind() + "/" + o.key().name())
                .containsExactly("ConfigMap/" + CONFIG, "Deployment/" + SERVER, "Service/" + SERVER, "CronJob/" + MATERIALIZE);
    }

    @Test
    void theServiceIsTheOneEveryStageAddressesOnPort6566() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        RenderContext context = new RenderContext(ReferenceProject.prod());

        ObjectNode service = prod.get("Service/" + context.featureServerName());
        assertThat(context.featureServerUrl()).isEqualTo("http://" + SERVER + ":6566");
        assertThat(service.at("/spec/ports/0")).isEqualTo(json("{\"name\":\"http\",\"port\":6566,\"targetPort\":\"http\",\"protocol\":\"TCP\"}"));
        assertThat(service.at("/spec/selector")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + SERVER + "\"}"));
    }

    @Test
    void serverListensOnEveryInterfaceWithTheSpecsReplicasAndResources() {
        ObjectNode deployment = Rendering.of(ReferenceProject.prod()).get("Deployment/" + SERVER);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container.get("image").asString()).isEqualTo("quay.io/feastdev/feature-server:0.66.0");
        assertThat(container.get("command")).isEqualTo(json("[\"feast\",\"-c\",\"/feature_repo\",\"serve\",\"-h\",\"0.0.0.0\",\"-p\",\"6566\"]"));
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(6566);
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/health");
        assertThat(container.at("/resources/requests")).isEqualTo(json("{\"cpu\":\"500m\",\"memory\":\"1Gi\"}"));
        assertThat(container.at("/resources/limits")).isEqualTo(json("{\"cpu\":\"500m\",\"memory\":\"1Gi\"}"));
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asString()).isEqualTo("fraud-detection-feature-store");
        assertThat(deployment.at("/spec/template/spec/volumes/0/configMap/name").asString()).isEqualTo(CONFIG);
        assertThat(container.at("/volumeMounts/0")).isEqualTo(json("{\"name\":\"config\",\"mountPath\":\"/feature_repo\",\"readOnly\":true}"));
    }

    @Test
    void featureStoreYamlHoldsOnlyTheVariableFeastExpandsFromTheSecret() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        JsonNode yaml = KubeYaml.mapper().readTree(prod.get("ConfigMap/" + CONFIG).at("/data/feature_store.yaml").asString());

        assertThat(yaml).isEqualTo(json("{\"project\":\"fraud\",\"provider\":\"local\",\"registry\":\"s3://risk-ml/feast/registry.db\","
                + "\"online_store\":{\"type\":\"redis\",\"connection_string\":\"${FEAST_ONLINE_STORE_CONNECTION_STRING}\"},"
                + "\"offline_store\":{\"type\":\"file\"},\"entity_key_serialization_version\":3}"));
        for (String workload : new String[] {"Deployment/" + SERVER, "CronJob/" + MATERIALIZE}) {
            JsonNode env = container(prod.get(workload)).get("env");
            assertThat(env).as(workload).contains(json("{\"name\":\"FEAST_ONLINE_STORE_CONNECTION_STRING\",\"valueFrom\":"
                    + "{\"secretKeyRef\":{\"name\":\"fraud-detection-feast-redis\",\"key\":\"connection_string\"}}}"));
        }
    }

    @Test
    void aHostileRegistryStaysOneValueOfFeatureStoreYaml() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("featureStore")).put("registry", "s3://x\nprovider: gcp\n\"# ${HOME}");
            return spec;
        }));

        JsonNode yaml = KubeYaml.mapper().readTree(rendering.get("ConfigMap/" + CONFIG).at("/data/feature_store.yaml").asString());
        assertThat(yaml.get("registry").asString()).isEqualTo("s3://x\nprovider: gcp\n\"# ${HOME}");
        assertThat(yaml.get("provider").asString()).isEqualTo("local");
    }

    @Test
    void anOnlineStoreWithoutSecretGetsNoConnectionString() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/featureStore/onlineStore")).remove("secret");
            return spec;
        }));

        JsonNode yaml = KubeYaml.mapper().readTree(rendering.get("ConfigMap/" + CONFIG).at("/data/feature_store.yaml").asString());
        assertThat(yaml.get("online_store")).isEqualTo(json("{\"type\":\"redis\"}"));
        assertThat(container(rendering.get("Deployment/" + SERVER)).get("env").toString()).doesNotContain("secretKeyRef");
    }

    @Test
    void materializationRunsIncrementallyOnTheScheduleWithoutOverlap() {
        ObjectNode cronJob = Rendering.of(ReferenceProject.prod()).get("CronJob/" + MATERIALIZE);
        JsonNode container = container(cronJob);

        assertThat(MATERIALIZE.length()).isLessThanOrEqualTo(52);
        assertThat(cronJob.at("/spec/schedule").asString()).isEqualTo("0 * * * *");
        assertThat(cronJob.at("/spec/timeZone").asString()).isEqualTo("Etc/UTC");
        assertThat(cronJob.at("/spec/concurrencyPolicy").asString()).isEqualTo("Forbid");
        assertThat(cronJob.at("/spec/successfulJobsHistoryLimit").asInt()).isEqualTo(3);
        assertThat(cronJob.at("/spec/failedJobsHistoryLimit").asInt()).isEqualTo(3);
        assertThat(cronJob.at("/spec/jobTemplate/spec/ttlSecondsAfterFinished").isMissingNode()).isTrue();
        // $$ is Kubernetes' escape: the shell, not the kubelet, sees $(date ...)
        assertThat(container.get("command")).isEqualTo(json("[\"/bin/sh\",\"-c\","
                + "\"feast -c /feature_repo materialize-incremental \\\"$$(date -u +%Y-%m-%dT%H:%M:%S)\\\"\"]"));
        assertThat(container.get("image").asString()).isEqualTo("quay.io/feastdev/feature-server:0.66.0");
    }

    @Test
    void withoutAScheduleThereIsNoMaterialization() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("featureStore")).remove("materialize");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName()).doesNotContainKey("CronJob/" + MATERIALIZE).containsKey("Deployment/" + SERVER);
    }

    @Test
    void anImageKeyReplacesThePinnedImageInServerAndMaterialization() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("images")).put("feast", "registry.example.com/feast:0.66.0-risk");
            ((ObjectNode) spec.get("featureStore")).put("image", "feast");
            return spec;
        }));

        assertThat(container(rendering.get("Deployment/" + SERVER)).get("image").asString())
                .isEqualTo("registry.example.com/feast:0.66.0-risk");
        assertThat(container(rendering.get("CronJob/" + MATERIALIZE)).get("image").asString())
                .isEqualTo("registry.example.com/feast:0.66.0-risk");
    }

    @Test
    void withoutAFeatureStoreNobodyIsLetInToIt() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            spec.remove("featureStore");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.objects()).extracting(TypedObject::stage).doesNotContain(Stage.FEATURE_STORE);
        assertThat(rendering.byName().keySet()).noneMatch(name -> name.endsWith("-to-feature-server")
                || name.equals("ServiceAccount/fraud-detection-feature-store"));
        assertThat(container(rendering.get("StatefulSet/fraud-detection-alice")).get("env").toString())
                .doesNotContain("FEAST_FEATURE_SERVER_URL");
    }

    static JsonNode container(ObjectNode workload) {
        JsonNode pod = workload.at("/spec/template/spec");
        return (pod.isMissingNode() ? workload.at("/spec/jobTemplate/spec/template/spec") : pod).at("/containers/0");
    }

    static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
