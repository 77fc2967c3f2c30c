package dev.mlgitops.render;

import static dev.mlgitops.render.FeastFeatureStoreTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Authenticated serving and private notebooks, over the reference: what the proxy and Istio's objects hold. */
class AuthRenderTest {

    private static final String EXPLAINER = "fraud-detection-explainer";
    private static final String SCORER = "fraud-detection-scorer";
    private static final String ALICE = "fraud-detection-alice";

    @Test
    void anOauth2ProxyStandsInFrontOfTheModelWithItsSecretsByReferenceOnly() {
        JsonNode pod = Rendering.of(ReferenceProject.prod()).get("Deployment/" + EXPLAINER).at("/spec/template/spec");
        JsonNode proxy = pod.at("/containers/1");

        assertThat(pod.at("/containers/0/name").asString()).isEqualTo("server");
        assertThat(proxy.get("name").asString()).isEqualTo("auth-proxy");
        assertThat(proxy.get("image").asString()).isEqualTo("quay.io/oauth2-proxy/oauth2-proxy:v7.15.2");
        assertThat(proxy.get("args")).isEqualTo(json("[\"--provider=oidc\","
                + "\"--oidc-issuer-url=https://login.example.com/realms/ml\", \"--client-id=fraud-detection\","
                + "\"--http-address=0.0.0.0:4180\", \"--upstream=http://127.0.0.1:8080/\", \"--reverse-proxy=true\","
                + "\"--cookie-secure=true\", \"--skip-provider-button=true\", \"--skip-jwt-bearer-tokens=true\","
                + "\"--authenticated-emails-file=/etc/oauth2-proxy/emails\", \"--allowed-group=risk-ml\"]"));
        assertThat(proxy.get("ports")).isEqualTo(json("[{\"name\":\"proxy\",\"containerPort\":4180,\"protocol\":\"TCP\"}]"));
        assertThat(proxy.get("env")).isEqualTo(json("[{\"name\":\"HOME\",\"value\":\"/tmp\"},"
                + "{\"name\":\"OAUTH2_PROXY_CLIENT_SECRET\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"fraud-detection-oidc-client\",\"key\":\"client-secret\"}}},"
                + "{\"name\":\"OAUTH2_PROXY_COOKIE_SECRET\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"fraud-detection-oidc-client\",\"key\":\"cookie-secret\"}}}]"));
        assertThat(proxy.at("/readinessProbe/httpGet")).isEqualTo(json("{\"path\":\"/ready\",\"port\":\"proxy\"}"));
        assertThat(proxy.at("/livenessProbe/httpGet")).isEqualTo(json("{\"path\":\"/ping\",\"port\":\"proxy\"}"));
        assertThat(proxy.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(proxy.at("/securityContext/capabilities/drop/0").asString()).isEqualTo("ALL");
        assertThat(proxy.get("volumeMounts")).isEqualTo(json("[{\"name\":\"tmp\",\"mountPath\":\"/tmp\"},"
                + "{\"name\":\"auth-emails\",\"mountPath\":\"/etc/oauth2-proxy\",\"readOnly\":true}]"));
        assertThat(pod.at("/volumes/1")).isEqualTo(json(
                "{\"name\":\"auth-emails\",\"configMap\":{\"name\":\"fraud-detection-explainer-auth-emails\"}}"));
    }

    @Test
    void vllmTakesTheSameProxyInFrontOfItsOwnPort() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/assistant")).set("auth", json("{\"type\":\"oauth2-proxy\"}"));
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        JsonNode containers = rendering.get("Deployment/fraud-detection-assistant").at("/spec/template/spec/containers");
        assertThat(containers.at("/1/name").asString()).isEqualTo("auth-proxy");
        assertThat(containers.at("/1/args").toString()).contains("\"--upstream=http://127.0.0.1:8000/\"", "\"--email-domain=*\"");
        assertThat(rendering.get("Service/fraud-detection-assistant").at("/spec/ports")).isEqualTo(json(
                "[{\"name\":\"http\",\"port\":80,\"targetPort\":\"proxy\",\"protocol\":\"TCP\"},"
                        + "{\"name\":\"metrics\",\"port\":8000,\"targetPort\":\"http\",\"protocol\":\"TCP\"}]"));
        assertThat(rendering.get("NetworkPolicy/fraud-detection-assistant-allow-http").at("/spec/ingress/0/ports"))
                .isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":4180}]"));
        assertThat(rendering.byName()).doesNotContainKey("ConfigMap/fraud-detection-assistant-auth-emails");
    }

    @Test
    void theAdmittedEmailsAreAConfigMapOneALine() {
        ObjectNode emails = Rendering.of(ReferenceProject.prod()).get("ConfigMap/" + EXPLAINER + "-auth-emails");

        assertThat(emails.get("data")).isEqualTo(json("{\"emails\":\"alice@example.com\\ncarol@example.com\\n\"}"));
    }

    @Test
    void withoutEmailsAnySignedInUserOfTheGroupsPassesAndNoConfigMapIsMade() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/explainer/auth")).remove("allowedEmails");
            return spec;
        }));

        JsonNode args = rendering.get("Deployment/" + EXPLAINER).at("/spec/template/spec/containers/1/args");
        assertThat(args.toString()).contains("\"--email-domain=*\"", "\"--allowed-group=risk-ml\"")
                .doesNotContain("authenticated-emails-file");
        assertThat(rendering.byName()).doesNotContainKey("ConfigMap/" + EXPLAINER + "-auth-emails");
    }

    @Test
    void jwtOnKserveIsARequestAuthenticationAndAnAllowPolicyOnThePredictorsPodsWithTheSidecar() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        assertThat(prod.get("RequestAuthentication/" + SCORER).get("spec")).isEqualTo(json("{"
                + "\"selector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"fraud-detection-scorer\"}},"
                + "\"jwtRules\":[{\"issuer\":\"https://login.example.com/realms/ml\","
                + "\"jwksUri\":\"https://login.example.com/realms/ml/protocol/openid-connect/certs\","
                + "\"audiences\":[\"fraud-scorer\"]}]}"));
        assertThat(prod.get("AuthorizationPolicy/" + SCORER).get("spec")).isEqualTo(json("{"
                + "\"selector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"fraud-detection-scorer\"}},"
                + "\"action\":\"ALLOW\",\"rules\":["
                + "{\"from\":[{\"source\":{\"requestPrincipals\":[\"https://login.example.com/realms/ml/*\"]}}],"
                + "\"when\":[{\"key\":\"request.auth.claims[scope]\",\"values\":[\"predict\"]}]},"
                + "{\"to\":[{\"operation\":{\"paths\":[\"/metrics\",\"/healthz\"]}}]}]}"));
        assertThat(prod.get("InferenceService/" + SCORER).at("/spec/predictor/labels/sidecar.istio.io~1inject").asString())
                .isEqualTo("true");
        // no sidecar asked where no token is checked
        assertThat(prod.get("Deployment/fraud-detection-assistant").at("/spec/template/metadata/labels")
                .has("sidecar.istio.io/inject")).isFalse();
        assertThat(prod.byName()).doesNotContainKey("RequestAuthentication/" + EXPLAINER);
    }

    @Test
    void aPrivateNotebookAdmitsItsOwnerAndSharedThroughTheProxyAtItsOwnHost() {
        Rendering prod = Rendering.of(ReferenceProject.prod());

        JsonNode proxy = prod.get("StatefulSet/" + ALICE).at("/spec/template/spec/containers/1");
        assertThat(proxy.get("name").asString()).isEqualTo("auth-proxy");
        assertThat(proxy.get("args").toString()).contains("\"--upstream=http://127.0.0.1:8888/\"")
                .doesNotContain("skip-jwt-bearer-tokens", "email-domain", "allowed-group");
        assertThat(prod.get("ConfigMap/" + ALICE + "-auth-emails").get("data"))
                .isEqualTo(json("{\"emails\":\"alice@example.com\\nbob@example.com\\n\"}"));
        ObjectNode ingress = prod.get("Ingress/" + ALICE);
        assertThat(ingress.at("/spec/rules/0/host").asString()).isEqualTo("alice.notebooks.example.com");
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service")).isEqualTo(json(
                "{\"name\":\"fraud-detection-alice\",\"port\":{\"name\":\"proxy\"}}"));
        assertThat(ingress.at("/spec/tls/0")).isEqualTo(json(
                "{\"hosts\":[\"alice.notebooks.example.com\"],\"secretName\":\"fraud-detection-alice-tls\"}"));
        assertThat(prod.get("Service/" + ALICE).at("/spec/ports/1")).isEqualTo(json(
                "{\"name\":\"proxy\",\"port\":4180,\"targetPort\":\"proxy\",\"protocol\":\"TCP\"}"));
        JsonNode allow = prod.get("NetworkPolicy/" + ALICE + "-allow-proxy").at("/spec/ingress/0");
        assertThat(allow.get("ports")).isEqualTo(json("[{\"protocol\":\"TCP\",\"port\":4180}]"));
        assertThat(allow.at("/from/1/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
                .isEqualTo("ingress-nginx");
        // gpu-lab has no owner: no proxy, as before
        assertThat(prod.get("StatefulSet/fraud-detection-gpu-lab").at("/spec/template/spec/containers").size()).isEqualTo(1);
    }

    @Test
    void withoutAnIdentityNotebooksStayPortForwardOnly() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            spec.remove("identity");
            ((ObjectNode) spec.at("/notebooks/alice")).remove("ingress");
            ((ObjectNode) spec.at("/serving/explainer")).remove("auth");
            return spec;
        }));

        assertThat(rendering.errors()).isEmpty();
        assertThat(rendering.get("StatefulSet/" + ALICE).at("/spec/template/spec/containers").size()).isEqualTo(1);
        assertThat(rendering.get("Service/" + ALICE).at("/spec/ports").size()).isEqualTo(1);
        assertThat(rendering.byName().keySet()).noneMatch(name -> name.startsWith("Ingress/" + ALICE)
                || name.endsWith("-allow-proxy") || name.endsWith("-to-identity") || name.startsWith("ConfigMap/" + ALICE));
    }

    @Test
    void idleCullingIsJupytersOwnFlagsInSeconds() {
        assertThat(Notebooks.cullingArgs("90s")).isEqualTo("--MappingKernelManager.cull_idle_timeout=90"
                + " --MappingKernelManager.cull_interval=90 --TerminalManager.cull_inactive_timeout=90"
                + " --TerminalManager.cull_interval=90");
        assertThat(Notebooks.cullingArgs("30m")).startsWith("--MappingKernelManager.cull_idle_timeout=1800 "
                + "--MappingKernelManager.cull_interval=300 ");
        assertThat(Notebooks.cullingArgs("1500ms")).startsWith("--MappingKernelManager.cull_idle_timeout=2 ");
        assertThat(Notebooks.cullingArgs(null)).isNull();
    }
}
