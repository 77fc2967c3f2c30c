package dev.mlgitops.render;

import static dev.mlgitops.render.FeastFeatureStoreTest.container;
import static dev.mlgitops.render.FeastFeatureStoreTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MlflowRegistryTest {

    private static final String MLFLOW = "fraud-detection-mlflow";

    @Test
    void rendersTheTrackingServerAndTheServiceEveryStageAddressesOnPort5000() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        RenderContext context = new RenderContext(ReferenceProject.prod());

        assertThat(prod.objects()).filteredOn(o -> o.stage() == Stage.MODEL_REGISTRY)
                .extracting(o -> o.key().kind() + "/" + o.key().name())
                .containsExactly("Job/" + MLFLOW + "-db-upgrade", "Deployment/" + MLFLOW, "Service/" + context.mlflowName(),
                        "PodDisruptionBudget/" + MLFLOW, "ConfigMap/" + MLFLOW + "-auth-emails", "Ingress/" + MLFLOW);
        assertThat(context.mlflowUrl()).isEqualTo("http://" + MLFLOW + ":5000");
        assertThat(prod.get("Service/" + MLFLOW).at("/spec/ports/0"))
                .isEqualTo(json("{\"name\":\"http\",\"port\":5000,\"targetPort\":\"http\",\"protocol\":\"TCP\"}"));
    }

    @Test
    void serverTakesItsBackendStoreFromTheSecretAndServesTheArtifactRoot() {
        ObjectNode deployment = Rendering.of(ReferenceProject.prod()).get("Deployment/" + MLFLOW);
        JsonNode container = container(deployment);

        assertThat(container.get("command")).isEqualTo(json("[\"mlflow\",\"server\"]"));
        assertThat(strings(container.get("args"))).containsExactly(
                "--host=0.0.0.0",
                "--port=5000",
                "--serve-artifacts",
                "--artifacts-destination=s3://risk-ml/mlflow",
                "--allowed-hosts=" + MLFLOW + "," + MLFLOW + ":5000," + MLFLOW + ".*,localhost,localhost:*,"
                        + "mlflow.example.com,10.*,172.1[6-9].*,172.2[0-9].*,172.3[01].*,192.168.*",
                "--expose-prometheus=/tmp/prometheus-metrics",
                "--cors-allowed-origins=https://mlflow.example.com");
        assertThat(container.get("env")).contains(json("{\"name\":\"MLFLOW_BACKEND_STORE_URI\",\"valueFrom\":"
                + "{\"secretKeyRef\":{\"name\":\"fraud-detection-mlflow-db\",\"key\":\"uri\"}}}"));
        // the -full variant: the base image has no database driver and no S3 client
        assertThat(container.get("image").asString()).isEqualTo("ghcr.io/mlflow/mlflow:v3.16.1-full");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asString()).isEqualTo("fraud-detection-model-registry");
    }

    @Test
    void backendStoreUriIsNeverAnArgumentOnlyTheVariableMlflowServerReads() {
        JsonNode container = container(Rendering.of(ReferenceProject.prod()).get("Deployment/" + MLFLOW));

        assertThat(strings(container.get("command")) + " " + strings(container.get("args")))
                .doesNotContain("backend-store-uri").doesNotContain("MLFLOW_BACKEND_STORE_URI").doesNotContain("$(");
        assertThat(container.get("env")).filteredOn(env -> env.get("name").asString().equals("MLFLOW_BACKEND_STORE_URI"))
                .singleElement().satisfies(env -> assertThat(env.has("value")).isFalse());
    }

    @Test
    void probesAskTheHealthEndpointThatHostChecksLetThrough() {
        JsonNode container = container(Rendering.of(ReferenceProject.prod()).get("Deployment/" + MLFLOW));

        assertThat(container.at("/readinessProbe/httpGet")).isEqualTo(json("{\"path\":\"/health\",\"port\":\"http\"}"));
        assertThat(container.at("/livenessProbe/httpGet")).isEqualTo(json("{\"path\":\"/health\",\"port\":\"http\"}"));
    }

    @Test
    void runsAsANumericNonRootUserWithAWritableTmpOnly() {
        JsonNode pod = Rendering.of(ReferenceProject.prod()).get("Deployment/" + MLFLOW).at("/spec/template/spec");

        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(1001);
        assertThat(pod.at("/containers/0/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(pod.at("/containers/0/volumeMounts")).isEqualTo(json("[{\"name\":\"tmp\",\"mountPath\":\"/tmp\"}]"));
    }

    @Test
    void replicasAndAnImageKeyComeFromTheSpec() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("images")).put("mlflow", "registry.example.com/mlflow-postgres-s3:3.5.0");
            ((ObjectNode) spec.get("modelRegistry")).put("image", "mlflow").put("replicas", 2);
            return spec;
        }));

        ObjectNode deployment = rendering.get("Deployment/" + MLFLOW);
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(container(deployment).get("image").asString()).isEqualTo("registry.example.com/mlflow-postgres-s3:3.5.0");
    }

    @Test
    void theServerLeavesTheNamespaceForHttpsAndTheDatabasesDeclaredPortOnly() {
        Rendering declared = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/modelRegistry/backendStore")).put("database", "mysql").put("port", 6033);
            return spec;
        }));
        Rendering unsaid = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/modelRegistry/backendStore")).remove("database");
            return spec;
        }));

        assertThat(declared.get("NetworkPolicy/fraud-detection-model-registry-to-stores").at("/spec/egress/0/ports"))
                .isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":443},{\"protocol\":\"TCP\",\"port\":6033}]"));
        assertThat(unsaid.get("NetworkPolicy/fraud-detection-model-registry-to-stores").at("/spec/egress/0/ports"))
                .isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":443},{\"protocol\":\"TCP\",\"port\":5432},"
                        + "{\"protocol\":\"TCP\",\"port\":3306}]"));
    }

    @Test
    void aPreSyncJobUpgradesTheDatabaseWithTheUriFromTheSecretOnlyAndIsDeletedOnceItSucceeded() {
        ObjectNode job = Rendering.of(ReferenceProject.prod()).get("Job/" + MLFLOW + "-db-upgrade");
        JsonNode container = container(job);

        assertThat(job.at("/metadata/annotations")).isEqualTo(json("{\"argocd.argoproj.io/hook\":\"PreSync\","
                + "\"argocd.argoproj.io/hook-delete-policy\":\"BeforeHookCreation,HookSucceeded\"}"));
        assertThat(job.at("/spec/backoffLimit").asInt()).isZero();
        assertThat(container.get("image").asString()).isEqualTo("ghcr.io/mlflow/mlflow:v3.16.1-full");
        assertThat(strings(container.get("command"))).hasSize(3).startsWith("python", "-c");
        String script = container.at("/command/2").asString();
        assertThat(script).contains("os.environ['MLFLOW_BACKEND_STORE_URI']")
                .contains("mlflow.db.commands(['upgrade', uri], prog_name='mlflow db')")
                .contains("has_table('alembic_version')");
        assertThat(container.has("args")).isFalse();
        assertThat(container.get("env")).contains(json("{\"name\":\"MLFLOW_BACKEND_STORE_URI\",\"valueFrom\":"
                + "{\"secretKeyRef\":{\"name\":\"fraud-detection-mlflow-db\",\"key\":\"uri\"}}}"));
    }

    @Test
    void theMigrationPodRunsRestrictedUnderTheRegistrysAccountAndEgress() {
        JsonNode pod = Rendering.of(ReferenceProject.prod()).get("Job/" + MLFLOW + "-db-upgrade").at("/spec/template");

        assertThat(pod.at("/metadata/labels/app.kubernetes.io~1component").asString()).isEqualTo("model-registry");
        assertThat(pod.at("/metadata/labels/app.kubernetes.io~1part-of").asString()).isEqualTo("fraud-detection");
        assertThat(pod.at("/spec/serviceAccountName").asString()).isEqualTo("fraud-detection-model-registry");
        assertThat(pod.at("/spec/restartPolicy").asString()).isEqualTo("Never");
        assertThat(pod.at("/spec/securityContext").toString()).isEqualTo("{\"runAsNonRoot\":true,\"runAsUser\":1001,"
                + "\"runAsGroup\":1001,\"seccompProfile\":{\"type\":\"RuntimeDefault\"}}");
        assertThat(pod.at("/spec/containers/0/securityContext")).isEqualTo(json("{\"allowPrivilegeEscalation\":false,"
                + "\"readOnlyRootFilesystem\":true,\"capabilities\":{\"drop\":[\"ALL\"]}}"));
    }

    @Test
    void withMonitoringPrometheusScrapesTheServersOwnPortFromItsNamespaceOnly() {
        Rendering prod = Rendering.of(ReferenceProject.prod());
        ObjectNode monitor = prod.get("ServiceMonitor/" + MLFLOW);

        assertThat(prod.objects()).filteredOn(o -> o.key().kind().equals("ServiceMonitor") && o.key().name().equals(MLFLOW))
                .singleElement().satisfies(o -> assertThat(o.stage()).isEqualTo(Stage.MONITORING));
        assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + MLFLOW + "\"}"));
        assertThat(monitor.at("/spec/endpoints")).isEqualTo(json("[{\"port\":\"http\",\"path\":\"/metrics\",\"interval\":\"30s\"}]"));
        assertThat(monitor.at("/metadata/labels/release").asString()).isEqualTo("kube-prometheus-stack");
        // the Service's port of that name, on the server's container port
        assertThat(prod.get("Service/" + MLFLOW).at("/spec/ports/0/name").asString()).isEqualTo("http");
        assertThat(container(prod.get("Deployment/" + MLFLOW)).at("/ports/0")).isEqualTo(
                json("{\"name\":\"http\",\"containerPort\":5000,\"protocol\":\"TCP\"}"));

        JsonNode policy = prod.get("NetworkPolicy/" + MLFLOW + "-allow-metrics").get("spec");
        assertThat(policy.at("/podSelector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + MLFLOW + "\"}"));
        assertThat(policy.at("/ingress/0/from")).isEqualTo(json("""
                [{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"monitoring"}}}]"""));
        assertThat(policy.at("/ingress/0/ports")).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":5000}]"));
    }

    @Test
    void withoutMonitoringNothingScrapesTheServer() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            spec.remove("monitoring");
            return spec;
        }));

        assertThat(rendering.byName().keySet()).noneMatch(name -> name.startsWith("ServiceMonitor/"))
                .doesNotContain("NetworkPolicy/" + MLFLOW + "-allow-metrics");
    }

    @Test
    void aDisruptionBudgetLetsOneServerGoAtATimeAndNeverBlocksADrain() {
        JsonNode budget = Rendering.of(ReferenceProject.prod()).get("PodDisruptionBudget/" + MLFLOW).get("spec");

        assertThat(budget).isEqualTo(json("{\"maxUnavailable\":1,\"unhealthyPodEvictionPolicy\":\"AlwaysAllow\","
                + "\"selector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"" + MLFLOW + "\"}}}"));
    }

    @Test
    void withOauth2ProxyPeopleSignInThroughASidecarInFrontOfPort5000() {
        JsonNode pod = Rendering.of(ReferenceProject.prod()).get("Deployment/" + MLFLOW).at("/spec/template/spec");
        JsonNode proxy = pod.at("/containers/1");

        assertThat(proxy.get("name").asString()).isEqualTo("auth-proxy");
        assertThat(proxy.get("image").asString()).isEqualTo("quay.io/oauth2-proxy/oauth2-proxy:v7.15.2");
        assertThat(strings(proxy.get("args"))).containsExactly(
                "--provider=oidc",
                "--oidc-issuer-url=https://login.example.com/realms/ml",
                "--client-id=fraud-detection",
                "--http-address=0.0.0.0:4180",
                "--upstream=http://127.0.0.1:5000/",
                "--reverse-proxy=true",
                "--cookie-secure=true",
                "--skip-provider-button=true",
                "--skip-jwt-bearer-tokens=true",
                "--authenticated-emails-file=/etc/oauth2-proxy/emails",
                "--allowed-group=risk-ml");
        assertThat(proxy.get("ports")).isEqualTo(json("[{\"name\":\"proxy\",\"containerPort\":4180,\"protocol\":\"TCP\"}]"));
        // the client and cookie secrets only by reference
        assertThat(proxy.get("env")).contains(
                json("{\"name\":\"OAUTH2_PROXY_CLIENT_SECRET\",\"valueFrom\":{\"secretKeyRef\":"
                        + "{\"name\":\"fraud-detection-oidc-client\",\"key\":\"client-secret\"}}}"),
                json("{\"name\":\"OAUTH2_PROXY_COOKIE_SECRET\",\"valueFrom\":{\"secretKeyRef\":"
                        + "{\"name\":\"fraud-detection-oidc-client\",\"key\":\"cookie-secret\"}}}"));
        assertThat(proxy.get("env")).allSatisfy(env -> assertThat(env.has("value") && env.get("name").asString()
                .startsWith("OAUTH2_PROXY_")).isFalse());
        assertThat(pod.get("volumes")).contains(json("{\"name\":\"auth-emails\",\"configMap\":"
                + "{\"name\":\"fraud-detection-mlflow-auth-emails\"}}"));
        assertThat(Rendering.of(ReferenceProject.prod()).get("ConfigMap/" + MLFLOW + "-auth-emails").at("/data/emails").asString())
                .isEqualTo("alice@example.com\ncarol@example.com\n");
    }

    @Test
    void theServiceKeeps5000ForTheStagesAndGainsTheProxysPortWhichAloneTheIngressLeadsTo() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("Service/" + MLFLOW).at("/spec/ports")).isEqualTo(json("""
                [{"name":"http","port":5000,"targetPort":"http","protocol":"TCP"},
                 {"name":"proxy","port":4180,"targetPort":"proxy","protocol":"TCP"}]"""));
        ObjectNode ingress = prod.get("Ingress/" + MLFLOW);
        assertThat(ingress.at("/metadata/annotations")).isEqualTo(json("{\"cert-manager.io/cluster-issuer\":\"letsencrypt-prod\"}"));
        assertThat(ingress.get("spec")).isEqualTo(json("""
                {"ingressClassName":"nginx",
                 "tls":[{"hosts":["mlflow.example.com"],"secretName":"fraud-detection-mlflow-tls"}],
                 "rules":[{"host":"mlflow.example.com","http":{"paths":[{"path":"/","pathType":"Prefix",
                   "backend":{"service":{"name":"fraud-detection-mlflow","port":{"name":"proxy"}}}}]}}]}"""));
    }

    @Test
    void theIngressControllerIsLetInOnTheProxysPortOnlyAndTheProxyReachesTheProvider() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        JsonNode allow = prod.get("NetworkPolicy/" + MLFLOW + "-allow-proxy").get("spec");
        assertThat(allow.at("/podSelector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + MLFLOW + "\"}"));
        assertThat(allow.at("/ingress/0/ports")).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":4180}]"));
        assertThat(allow.at("/ingress/0/from").toString()).contains("ingress-nginx");
        // no policy that selects the server lets the ingress controller's namespace in on 5000
        prod.objects().stream().filter(o -> o.key().kind().equals("NetworkPolicy"))
                .map(o -> prod.get("NetworkPolicy/" + o.key().name()).get("spec"))
                .filter(spec -> spec.at("/podSelector/matchLabels").toString().contains(MLFLOW + "\""))
                .forEach(spec -> spec.path("ingress").forEach(rule -> {
                    if (rule.path("from").toString().contains("ingress-nginx")) {
                        assertThat(rule.get("ports")).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":4180}]"));
                    }
                }));
        assertThat(prod.get("NetworkPolicy/fraud-detection-model-registry-to-identity").at("/spec/egress/0/ports"))
                .isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":443}]"));
    }

    @Test
    void withoutAuthTheServerStandsAloneAndHasNoIngress() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.get("modelRegistry")).remove(List.of("auth", "ingress"));
            return spec;
        }));

        assertThat(rendering.get("Deployment/" + MLFLOW).at("/spec/template/spec/containers")).hasSize(1);
        assertThat(strings(container(rendering.get("Deployment/" + MLFLOW)).get("args")))
                .noneMatch(arg -> arg.startsWith("--cors-allowed-origins")).noneMatch(arg -> arg.contains("mlflow.example.com"));
        assertThat(rendering.get("Service/" + MLFLOW).at("/spec/ports")).hasSize(1);
        assertThat(rendering.byName().keySet()).doesNotContain("Ingress/" + MLFLOW, "ConfigMap/" + MLFLOW + "-auth-emails",
                "NetworkPolicy/" + MLFLOW + "-allow-proxy", "NetworkPolicy/fraud-detection-model-registry-to-identity");
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }
}
