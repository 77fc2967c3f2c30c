package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.model.Stage;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RendererTest {

    private static final String EXPLAINER = "fraud-detection-explainer";

    @Test
    void rendersEveryStageOfTheReferenceItHasAnEngineFor() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.errors()).isEmpty();
        assertThat(prod.objects()).filteredOn(o -> o.stage() == Stage.TENANCY || o.stage() == Stage.SERVING)
                .extracting(o -> o.key().kind() + "/" + o.key().name()).containsExactly(
                "Namespace/fraud",
                "ResourceQuota/fraud-detection-quota",
                "LimitRange/fraud-detection-defaults",
                "ServiceAccount/fraud-detection-feature-store",
                "ServiceAccount/fraud-detection-model-registry",
                "ServiceAccount/fraud-detection-training",
                "ServiceAccount/fraud-detection-notebooks",
                "ServiceAccount/fraud-detection-serving",
                "ServiceAccount/fraud-detection-quality-detector",
                "Secret/fraud-detection-training.service-account-token",
                "Role/fraud-detection-admins", "RoleBinding/fraud-detection-admins",
                "Role/fraud-detection-editors", "RoleBinding/fraud-detection-editors",
                "Role/fraud-detection-viewers", "RoleBinding/fraud-detection-viewers",
                "Role/fraud-detection-workflow-executor", "RoleBinding/fraud-detection-workflow-executor",
                "NetworkPolicy/fraud-detection-default-deny",
                "NetworkPolicy/fraud-detection-allow-dns",
                "NetworkPolicy/fraud-detection-allow-namespace-egress",
                "NetworkPolicy/fraud-detection-feature-store-to-stores",
                "NetworkPolicy/fraud-detection-model-registry-to-stores",
                "NetworkPolicy/fraud-detection-model-registry-to-identity",
                "NetworkPolicy/fraud-detection-training-to-stores",
                "NetworkPolicy/fraud-detection-nightly-to-apiserver",
                "NetworkPolicy/fraud-detection-notebooks-to-identity",
                "NetworkPolicy/fraud-detection-alice-to-package-indexes",
                "NetworkPolicy/fraud-detection-serving-to-stores",
                "NetworkPolicy/fraud-detection-serving-to-identity",
                "NetworkPolicy/fraud-detection-assistant-to-model-store",
                "NetworkPolicy/fraud-detection-scorer-quality-to-store",
                "NetworkPolicy/fraud-detection-mlflow-allow-proxy",
                "NetworkPolicy/fraud-detection-training-to-feature-server",
                "NetworkPolicy/fraud-detection-training-to-mlflow",
                "NetworkPolicy/fraud-detection-distributed-allow-ranks",
                "NetworkPolicy/fraud-detection-alice-allow-proxy",
                "NetworkPolicy/fraud-detection-notebooks-to-feature-server",
                "NetworkPolicy/fraud-detection-notebooks-to-mlflow",
                "NetworkPolicy/fraud-detection-scorer-allow-http",
                "NetworkPolicy/fraud-detection-scorer-allow-knative",
                "NetworkPolicy/fraud-detection-serving-to-feature-server",
                "NetworkPolicy/fraud-detection-serving-to-mlflow",
                "NetworkPolicy/fraud-detection-explainer-allow-http",
                "NetworkPolicy/fraud-detection-assistant-allow-http",
                "NetworkPolicy/fraud-detection-scorer-quality-allow-logging",
                "NetworkPolicy/fraud-detection-scorer-quality-allow-metrics",
                "NetworkPolicy/fraud-detection-scorer-allow-metrics",
                "NetworkPolicy/fraud-detection-explainer-allow-metrics",
                "NetworkPolicy/fraud-detection-assistant-allow-metrics",
                "NetworkPolicy/fraud-detection-mlflow-allow-metrics",
                "ExternalSecret/fraud-detection-feast-redis",
                "ExternalSecret/fraud-detection-mlflow-db",
                "ExternalSecret/fraud-detection-object-store",
                "ExternalSecret/fraud-detection-huggingface",
                "ExternalSecret/fraud-detection-oidc-client",
                "InferenceService/fraud-detection-scorer", "PodDisruptionBudget/fraud-detection-scorer",
                "RequestAuthentication/fraud-detection-scorer", "AuthorizationPolicy/fraud-detection-scorer",
                "Deployment/" + EXPLAINER, "Service/" + EXPLAINER,
                "HorizontalPodAutoscaler/" + EXPLAINER, "PodDisruptionBudget/" + EXPLAINER,
                "ConfigMap/" + EXPLAINER + "-auth-emails",
                "Deployment/fraud-detection-assistant", "Service/fraud-detection-assistant",
                "PodDisruptionBudget/fraud-detection-assistant");
        assertThat(prod.objects()).extracting(TypedObject::stage)
                .containsOnly(Stage.values());
        assertThat(prod.documents()).extracting(RenderedDocument::environment).containsOnly("prod");
    }

    @Test
    void baseHasNoNamespaceAndNoObjectNamesOne() {
        Rendering base = Rendering.of(ReferenceProject.base());
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(base.byName()).doesNotContainKey("Namespace/fraud")
                .containsKeys("StatefulSet/fraud-detection-alice", "StatefulSet/fraud-detection-gpu-lab");
        assertThat(base.objects()).allSatisfy(o -> assertThat(o.manifest().at("/metadata/namespace").isMissingNode())
                .as(o.key() + " names no namespace").isTrue());
        // the overlay sets each environment's namespace; blueprints never do
        assertThat(prod.objects()).allSatisfy(o -> assertThat(o.manifest().at("/metadata/namespace").isMissingNode())
                .as(o.key() + " names no namespace").isTrue());
    }

    @Test
    void namespaceOfAConcreteEnvironmentEnforcesPodSecurityRestricted() {
        JsonNode labels = Rendering.of(ReferenceProject.prod()).get("Namespace/fraud").at("/metadata/labels");

        assertThat(labels.get("pod-security.kubernetes.io/enforce").asString()).isEqualTo("restricted");
        assertThat(labels.get("pod-security.kubernetes.io/enforce-version").asString()).isEqualTo("latest");
        assertThat(labels.get("pod-security.kubernetes.io/audit").asString()).isEqualTo("restricted");
        assertThat(labels.get("pod-security.kubernetes.io/warn").asString()).isEqualTo("restricted");
    }

    @Test
    void everyObjectCarriesTheProjectLabelsAndNoEnvironmentLabel() {
        for (TypedObject object : Rendering.of(ReferenceProject.prod()).objects()) {
            JsonNode labels = object.manifest().at("/metadata/labels");
            assertThat(labels.path("app.kubernetes.io/part-of").asString()).as(object.key().toString()).isEqualTo("fraud-detection");
            assertThat(labels.path("app.kubernetes.io/managed-by").asString()).isEqualTo("mlgitops");
            assertThat(labels.path("app.kubernetes.io/component").asString()).isEqualTo(object.stage().folder());
            assertThat(labels.path("mlgitops.dev/team").asString()).isEqualTo("risk-ml");
            assertThat(labels.path("cost-center").asString()).isEqualTo("cc-4711");
            assertThat(labels.has("environment")).isFalse();
        }
    }

    @Test
    void selectorsUseOnlyTheImmutableNameLabel() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        Map<String, String> selector = Map.of("app.kubernetes.io/name", EXPLAINER);

        assertThat(map(prod.get("Deployment/" + EXPLAINER).at("/spec/selector/matchLabels"))).isEqualTo(selector);
        assertThat(map(prod.get("Service/" + EXPLAINER).at("/spec/selector"))).isEqualTo(selector);
        assertThat(map(prod.get("PodDisruptionBudget/" + EXPLAINER).at("/spec/selector/matchLabels"))).isEqualTo(selector);
        assertThat(map(prod.get("Deployment/" + EXPLAINER).at("/spec/template/metadata/labels")))
                .containsAllEntriesOf(selector).containsEntry("app.kubernetes.io/component", "serving");
    }

    @Test
    void deploymentLeavesReplicasToTheAutoscaler() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        ObjectNode hpa = prod.get("HorizontalPodAutoscaler/" + EXPLAINER);

        assertThat(prod.get("Deployment/" + EXPLAINER).at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(hpa.at("/spec/scaleTargetRef/name").asString()).isEqualTo(EXPLAINER);
        assertThat(hpa.at("/spec/minReplicas").isInt()).isTrue();
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(1);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(4);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asString()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/metrics/0/resource/target/type").asString()).isEqualTo("Utilization");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);
    }

    @Test
    void containerTakesImageArgsPortEnvProbesAndResourcesFromTheSpec() {
        ObjectNode deployment = Rendering.of(ReferenceProject.prod()).get("Deployment/" + EXPLAINER);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(container.get("image").asString()).isEqualTo(
                "registry.example.com/risk/fraud-scorer@sha256:3f1c5e0b9a1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e");
        assertThat(container.get("args")).isEqualTo(json("[\"--mode\",\"explain\"]"));
        assertThat(container.at("/ports/0/name").asString()).isEqualTo("http");
        assertThat(container.at("/ports/0/containerPort").isInt()).isTrue();
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        // the other stages' addresses come first, then the model's own
        assertThat(container.at("/env/0")).isEqualTo(json("{\"name\":\"HOME\",\"value\":\"/tmp\"}"));
        assertThat(container.at("/env/1")).isEqualTo(json("{\"name\":\"MLFLOW_TRACKING_URI\",\"value\":\"http://fraud-detection-mlflow:5000\"}"));
        assertThat(container.at("/env/2")).isEqualTo(json("{\"name\":\"FEAST_FEATURE_SERVER_URL\",\"value\":\"http://fraud-detection-feature-server:6566\"}"));
        assertThat(container.at("/env/3")).isEqualTo(json("{\"name\":\"LOG_LEVEL\",\"value\":\"info\"}"));
        assertThat(container.at("/env/4/name").asString()).isEqualTo("REDIS_PASSWORD");
        assertThat(container.at("/env/4/valueFrom/secretKeyRef/name").asString()).isEqualTo("fraud-detection-feast-redis");
        assertThat(container.at("/env/4/valueFrom/secretKeyRef/key").asString()).isEqualTo("password");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/ready");
        assertThat(container.at("/readinessProbe/httpGet/port").asString()).isEqualTo("http");
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/healthz");
        assertThat(container.at("/resources/requests")).isEqualTo(json("{\"cpu\":\"500m\",\"memory\":\"1Gi\"}"));
        assertThat(container.at("/resources/limits")).isEqualTo(json("{\"cpu\":\"500m\",\"memory\":\"1Gi\"}"));
        assertThat(container.at("/volumeMounts/0/mountPath").asString()).isEqualTo("/tmp");
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
        assertThat(pod.get("serviceAccountName").asString()).isEqualTo("fraud-detection-serving");
        assertThat(pod.get("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(pod.at("/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm/topologyKey")
                .asString()).isEqualTo("kubernetes.io/hostname");
        assertThat(pod.has("tolerations")).isFalse();
    }

    @Test
    void serviceAndDisruptionBudgetFollowTheServingReference() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        // the explainer signs users in: port http leads to its oauth2-proxy, metrics to the model itself
        assertThat(prod.get("Service/" + EXPLAINER).at("/spec/ports")).isEqualTo(json(
                "[{\"name\":\"http\",\"port\":80,\"protocol\":\"TCP\",\"targetPort\":\"proxy\"},"
                        + "{\"name\":\"metrics\",\"port\":8080,\"protocol\":\"TCP\",\"targetPort\":\"http\"}]"));
        assertThat(prod.get("Service/fraud-detection-assistant").at("/spec/ports"))
                .isEqualTo(json("[{\"name\":\"http\",\"port\":80,\"protocol\":\"TCP\",\"targetPort\":\"http\"}]"));
        ObjectNode pdb = prod.get("PodDisruptionBudget/" + EXPLAINER);
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/unhealthyPodEvictionPolicy").asString()).isEqualTo("AlwaysAllow");
    }

    @Test
    void rendersEveryStageAndEngineOfTheReferenceWithoutAFinding() {
        // the reference waives MLG-RENDER-KSERVE-HOST with its reason; warnings/kserve-host proves the warning
        assertThat(Rendering.of(ReferenceProject.prod()).findings().sorted()).extracting(Finding::code).isEmpty();
    }

    @Test
    void rejectsConcurrencyAutoscalingOnEngineDeploymentWithThePath() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            explainer(spec).putObject("autoscaling").put("metric", "concurrency").put("target", 20);
            return spec;
        }));

        assertThat(rendering.findings(Code.RENDER_METRIC_UNSUPPORTED)).singleElement().satisfies(f -> {
            assertThat(f.jsonPath()).isEqualTo("spec.serving.explainer.autoscaling.metric");
            assertThat(f.message()).isEqualTo("autoscaling metric 'concurrency' of model 'explainer' needs a metrics adapter "
                    + "that engine deployment cannot assume: use metric cpu or memory, or engine kserve");
        });
        assertThat(rendering.byName()).doesNotContainKey("HorizontalPodAutoscaler/" + EXPLAINER);
    }

    @Test
    void memoryAutoscalingBecomesAResourceUtilizationTarget() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            explainer(spec).putObject("autoscaling").put("metric", "memory").put("target", 60);
            return spec;
        }));

        ObjectNode hpa = rendering.get("HorizontalPodAutoscaler/" + EXPLAINER);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asString()).isEqualTo("memory");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(60);
    }

    @Test
    void ingressGetsTlsAndTheIngressControllerIsLetIn() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            explainer(spec).putObject("ingress").put("host", "explain.example.com").put("tls", true);
            return spec;
        }));

        ObjectNode ingress = rendering.get("Ingress/" + EXPLAINER);
        assertThat(ingress.at("/spec/tls/0/secretName").asString()).isEqualTo(EXPLAINER + "-tls");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asString()).isEqualTo("explain.example.com");
        assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("explain.example.com");
        assertThat(ingress.at("/spec/rules/0/http/paths/0/pathType").asString()).isEqualTo("Prefix");
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asString()).isEqualTo(EXPLAINER);
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asString()).isEqualTo("http");
        JsonNode from = rendering.get("NetworkPolicy/" + EXPLAINER + "-allow-http").at("/spec/ingress/0/from");
        assertThat(from).isEqualTo(json("[{\"podSelector\":{}},{\"namespaceSelector\":{\"matchLabels\":"
                + "{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}}}]"));
    }

    @Test
    void withoutIngressOnlyTheNamespaceMayReachTheModel() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        JsonNode policy = prod.get("NetworkPolicy/fraud-detection-assistant-allow-http");

        assertThat(policy.at("/spec/podSelector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"fraud-detection-assistant\"}"));
        assertThat(policy.at("/spec/ingress/0/from")).isEqualTo(json("[{\"podSelector\":{}}]"));
        assertThat(policy.at("/spec/ingress/0/ports")).isEqualTo(json("[{\"port\":8000,\"protocol\":\"TCP\"}]"));
        // behind an oauth2-proxy the namespace is let in on the proxy's port, never the model's 8080
        JsonNode proxied = prod.get("NetworkPolicy/" + EXPLAINER + "-allow-http");
        assertThat(proxied.at("/spec/ingress/0/from")).isEqualTo(json("[{\"podSelector\":{}}]"));
        assertThat(proxied.at("/spec/ingress/0/ports")).isEqualTo(json("[{\"port\":4180,\"protocol\":\"TCP\"}]"));
    }

    @Test
    void defaultDenyAndDnsPoliciesFollowTheTenancyReference() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("NetworkPolicy/fraud-detection-default-deny").get("spec"))
                .isEqualTo(json("{\"podSelector\":{},\"policyTypes\":[\"Ingress\",\"Egress\"]}"));
        JsonNode dns = prod.get("NetworkPolicy/fraud-detection-allow-dns").at("/spec/egress/0");
        assertThat(dns.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString()).isEqualTo("kube-system");
        assertThat(dns.at("/to/0/podSelector/matchLabels/k8s-app").asString()).isEqualTo("kube-dns");
        assertThat(dns.get("ports"))
                .isEqualTo(json("[{\"port\":53,\"protocol\":\"UDP\"},{\"port\":53,\"protocol\":\"TCP\"}]"));
    }

    @Test
    void openNetworkPolicyEmitsNoPolicies() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("tenancy")).put("networkPolicy", "open");
            return spec;
        }));

        assertThat(rendering.byName().keySet()).noneMatch(name -> name.startsWith("NetworkPolicy/"));
    }

    @Test
    void quotaTakesTheSpecsValuesAndSkipsAbsentOnes() {
        assertThat(Rendering.of(ReferenceProject.prod()).get("ResourceQuota/fraud-detection-quota").at("/spec/hard"))
                .isEqualTo(json("{\"requests.cpu\":\"192\",\"requests.memory\":\"768Gi\",\"limits.memory\":\"768Gi\","
                        + "\"requests.nvidia.com/gpu\":\"14\",\"requests.storage\":\"2Ti\"}"));

        Rendering cpuOnly = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("tenancy")).putObject("quota").put("cpu", "8");
            return spec;
        }));
        assertThat(cpuOnly.get("ResourceQuota/fraud-detection-quota").at("/spec/hard"))
                .isEqualTo(json("{\"requests.cpu\":\"8\"}"));

        Rendering unquoted = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("tenancy")).putObject("quota").put("cpu", 8);
            return spec;
        }));
        assertThat(unquoted.get("ResourceQuota/fraud-detection-quota").at("/spec/hard"))
                .as("a whole number written without quotes").isEqualTo(json("{\"requests.cpu\":\"8\"}"));
    }

    @Test
    void limitRangeGivesContainersDefaults() {
        JsonNode limit = Rendering.of(ReferenceProject.prod()).get("LimitRange/fraud-detection-defaults").at("/spec/limits/0");

        assertThat(limit.get("type").asString()).isEqualTo("Container");
        assertThat(limit.get("default")).isEqualTo(json("{\"cpu\":\"1\",\"memory\":\"1Gi\"}"));
        assertThat(limit.get("defaultRequest")).isEqualTo(json("{\"cpu\":\"250m\",\"memory\":\"512Mi\"}"));
    }

    @Test
    void bindsEachAccessLevelToItsMembers() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("RoleBinding/fraud-detection-editors").get("subjects")).isEqualTo(json(
                "[{\"kind\":\"Group\",\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"risk-ml\"},"
                        + "{\"kind\":\"User\",\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"alice@example.com\"}]"));
        assertThat(prod.get("RoleBinding/fraud-detection-admins").get("roleRef")).isEqualTo(json(
                "{\"kind\":\"Role\",\"apiGroup\":\"rbac.authorization.k8s.io\",\"name\":\"fraud-detection-admins\"}"));
        assertThat(resources(prod.get("Role/fraud-detection-admins"))).contains("secrets");
        assertThat(resources(prod.get("Role/fraud-detection-editors"))).doesNotContain("secrets");
    }

    @Test
    void viewersOnlyReadAndNeverSecrets() {
        ObjectNode viewers = Rendering.of(ReferenceProject.prod()).get("Role/fraud-detection-viewers");

        assertThat(resources(viewers)).doesNotContain("secrets", "pods/exec", "pods/portforward");
        viewers.get("rules").forEach(rule -> assertThat(strings(rule.get("verbs"))).containsExactly("get", "list", "watch"));
    }

    @Test
    void leavesOutAccessLevelsTheSpecDoesNotName() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/tenancy/access")).remove("viewers");
            return spec;
        }));

        assertThat(rendering.byName()).doesNotContainKeys("Role/fraud-detection-viewers", "RoleBinding/fraud-detection-viewers");
    }

    @Test
    void awsIdentityAnnotatesTheServiceAccount() {
        assertThat(Rendering.of(ReferenceProject.prod()).get("ServiceAccount/fraud-detection-serving").at("/metadata/annotations"))
                .isEqualTo(json("{\"eks.amazonaws.com/role-arn\":\"arn:aws:iam::123456789012:role/fraud-ml\"}"));
    }

    @Test
    void gcpIdentityAnnotatesTheServiceAccount() {
        Rendering rendering = Rendering.of(withIdentity("gcp", "fraud-ml@risk.iam.gserviceaccount.com"));

        assertThat(rendering.get("ServiceAccount/fraud-detection-serving").at("/metadata/annotations"))
                .isEqualTo(json("{\"iam.gke.io/gcp-service-account\":\"fraud-ml@risk.iam.gserviceaccount.com\"}"));
        assertThat(rendering.get("Deployment/" + EXPLAINER).at("/spec/template/metadata/labels").has("azure.workload.identity/use")).isFalse();
    }

    @Test
    void azureIdentityAnnotatesTheServiceAccountAndLabelsServingPods() {
        Rendering rendering = Rendering.of(withIdentity("azure", "00000000-1111-2222-3333-444444444444"));

        assertThat(rendering.get("ServiceAccount/fraud-detection-serving").at("/metadata/annotations"))
                .isEqualTo(json("{\"azure.workload.identity/client-id\":\"00000000-1111-2222-3333-444444444444\"}"));
        JsonNode podLabels = rendering.get("Deployment/" + EXPLAINER).at("/spec/template/metadata/labels");
        assertThat(podLabels.get("azure.workload.identity/use").isString()).isTrue();
        assertThat(podLabels.get("azure.workload.identity/use").asString()).isEqualTo("true");
    }

    @Test
    void gpuModelsRequestAndTolerateGpus() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            explainer(spec).putObject("resources").put("cpu", "4").put("memory", "16Gi").put("gpu", 1);
            return spec;
        }));

        JsonNode pod = rendering.get("Deployment/" + EXPLAINER).at("/spec/template/spec");
        assertThat(pod.at("/containers/0/resources/requests/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(pod.at("/containers/0/resources/limits/nvidia.com~1gpu").asString()).isEqualTo("1");
        assertThat(pod.get("tolerations"))
                .isEqualTo(json("[{\"effect\":\"NoSchedule\",\"key\":\"nvidia.com/gpu\",\"operator\":\"Exists\"}]"));
    }

    @Test
    void probesFallBackToTheHttpPortWithoutHealthPaths() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            explainer(spec).remove("health");
            explainer(spec).remove("port");
            return spec;
        }));

        JsonNode container = rendering.get("Deployment/" + EXPLAINER).at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe")).isEqualTo(json("{\"tcpSocket\":{\"port\":\"http\"}}"));
        assertThat(container.at("/livenessProbe")).isEqualTo(json("{\"tcpSocket\":{\"port\":\"http\"}}"));
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void withoutWorkloadsThereIsNoServiceAccountOrAllow() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            spec.remove("serving");
            spec.remove("training");
            spec.remove("monitoring");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.byName().keySet()).noneMatch(name -> name.equals("ServiceAccount/fraud-detection-serving")
                || name.endsWith("-allow-http") || name.startsWith("NetworkPolicy/fraud-detection-serving-to-"));
        assertThat(rendering.objects()).extracting(TypedObject::stage).doesNotContain(Stage.SERVING);
    }

    private static dev.mlgitops.model.ResolvedEnvironment withIdentity(String provider, String role) {
        return ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("tenancy")).putObject("cloudIdentity").put("provider", provider).put("role", role);
            return spec;
        });
    }

    static ObjectNode explainer(ObjectNode spec) {
        return (ObjectNode) spec.at("/serving/explainer");
    }

    private static List<String> resources(ObjectNode role) {
        List<String> resources = new ArrayList<>();
        role.get("rules").forEach(rule -> resources.addAll(strings(rule.get("resources"))));
        return resources;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    /** Compares as trees: key order is the blueprint's, not part of the content. */
    private static tools.jackson.databind.JsonNode json(String text) {
        return dev.mlgitops.yaml.KubeYaml.mapper().readTree(text);
    }
}
