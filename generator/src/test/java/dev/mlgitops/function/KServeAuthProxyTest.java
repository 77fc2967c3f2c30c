package dev.mlgitops.function;

import static dev.mlgitops.function.FunctionBuilds.functionFindings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.layout.Kustomize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A KServe model behind oauth2-proxy (auth.type oauth2-proxy, no request logging): the proxy is
 * the predictor's one container with a port, the model listens behind it, and the function step
 * proves that nothing in the namespace and no part of the pod reaches the model's port past it.
 */
class KServeAuthProxyTest {

    private static final Path SPEC = Path.of("src/test/resources/function/kserve-auth-proxy/mlproject.yaml");
    private static final String PREDICTOR = "base/serving/inferenceservice-demo-scorer.yaml";
    private static final String AT = "mlproject.yaml:28:9: error ";

    @TempDir
    Path folder;

    @Test
    void theProxyIsThePredictorsServingContainerAndTheModelListensBehindItOnLocalhost() {
        BuildOutcome generation = Builder.build(SPEC, BuildOptions.defaults());

        assertThat(generation.findings().sorted()).isEmpty();
        Map<String, String> files = generation.tree().orElseThrow().files();
        String predictor = files.get(PREDICTOR);
        String model = predictor.substring(predictor.indexOf("    model:\n"), predictor.indexOf("    containers:\n"));
        String proxy = predictor.substring(predictor.indexOf("    containers:\n"), predictor.indexOf("    volumes:\n"));
        // Knative's user port is the one declared port, and probes are admitted on that container only
        assertThat(model).doesNotContain("ports:").doesNotContain("Probe").contains("      storageUri: s3://models/scorer/1\n");
        assertThat(proxy).startsWith("    containers:\n    - name: auth-proxy\n")
                .contains("      - --upstream=http://127.0.0.1:8080/\n")
                .contains("      - --http-address=0.0.0.0:4180\n")
                .contains("      - --authenticated-emails-file=/etc/oauth2-proxy/emails\n      - --allowed-group=risk-ml\n")
                .contains("      - --skip-auth-route=GET=^/v2/health/ready$\n")
                // an unnamed port: Knative admits no other name than http1 or h2c
                .contains("      ports:\n      - containerPort: 4180\n        protocol: TCP\n      env:\n")
                // ready when the model is: its health path through the proxy, which lets that one path through
                .contains("      readinessProbe:\n        httpGet:\n          path: /v2/health/ready\n          port: 4180\n")
                .contains("      livenessProbe:\n        httpGet:\n          path: /ping\n          port: 4180\n")
                .contains("          secretKeyRef:\n            name: demo-oidc\n            key: client-secret\n")
                .contains("          secretKeyRef:\n            name: demo-oidc\n            key: cookie-secret\n")
                .contains("        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n"
                        + "        runAsNonRoot: true\n        capabilities:\n          drop:\n          - ALL\n"
                        + "        seccompProfile:\n          type: RuntimeDefault\n")
                .doesNotContain("value: demo-oidc");
        assertThat(predictor).doesNotContain("logger").endsWith("    - name: auth-emails\n      configMap:\n"
                + "        name: demo-scorer-auth-emails\n");
        assertThat(files.get("base/serving/configmap-demo-scorer-auth-emails.yaml")).endsWith("  emails: |\n    alice@example.com\n");
        assertThat(files.get("base/serving/kustomization.yaml")).contains("- configmap-demo-scorer-auth-emails.yaml\n");
        // clients still enter through Knative's queue-proxy only; the proxy reaches the identity provider
        assertThat(files.get("base/tenancy/networkpolicy-demo-scorer-allow-http.yaml"))
                .contains("    ports:\n    - protocol: TCP\n      port: 8012\n").doesNotContain("8080").doesNotContain("4180");
        assertThat(files.get("base/tenancy/networkpolicy-demo-serving-to-identity.yaml")).contains("      port: 443\n");
        assertThat(files.get("PREREQUISITES.md")).contains("| Knative Serving: multi-container | any | - | knative-serving |"
                + " config-features multi-container: enabled, Knative's default (the auth-proxy beside the model of auth.type"
                + " oauth2-proxy); multi-container-probing is not needed | dev |\n");
    }

    @Test
    void kubectlKustomizeBuildsTheEnvironmentsPredictorWithTheProxyAndItsEmails() throws IOException {
        Map<String, String> files = Builder.build(SPEC, BuildOptions.defaults()).tree().orElseThrow().files();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = folder.resolve("tree").resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }

        List<ObjectNode> objects = Kustomize.build(folder.resolve("tree/overlays/dev/serving"));

        JsonNode predictor = objects.stream().filter(o -> o.path("kind").asString("").equals("InferenceService"))
                .findFirst().orElseThrow().path("spec").path("predictor");
        assertThat(predictor.path("containers")).hasSize(1);
        assertThat(predictor.path("containers").path(0).path("name").asString("")).isEqualTo("auth-proxy");
        assertThat(predictor.path("containers").path(0).path("ports").path(0).path("containerPort").asInt()).isEqualTo(4180);
        assertThat(predictor.path("model").has("ports")).isFalse();
        assertThat(objects).anySatisfy(o -> assertThat(o.path("metadata").path("name").asString(""))
                .isEqualTo("demo-scorer-auth-emails"));
        assertThat(objects).allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asString("")).isEqualTo("demo-dev"));
    }

    @Test
    void withoutNetworkPoliciesTheNamespaceReachesTheModelsPortPastTheProxy() throws IOException {
        Path spec = spec(text -> text.replace("networkPolicy: restricted", "networkPolicy: open"));

        BuildOutcome generation = Builder.build(spec, BuildOptions.defaults());

        assertThat(functionFindings(generation)).extracting(f -> f.format("mlproject.yaml"))
                .containsExactly(bypass("a pod of the namespace"), bypass("the ingress controller"));
        assertThat(generation.tree()).isEmpty();
    }

    @Test
    void aRuleAdmittingTheNamespaceOnEveryPortOfThePredictorIsCaught() throws IOException {
        // the model's client rule without its ports: the namespace's pods reach 8080 as well as the queue-proxy's 8012
        BuildOutcome generation = FunctionBuilds.withPolicies(folder, SPEC, template -> template.replace(
                "<#if allow.ports?has_content>", "<#if allow.ports?has_content && !allow.name?ends_with(\"-scorer-allow-http\")>"));

        assertThat(functionFindings(generation)).extracting(f -> f.format("mlproject.yaml"))
                .contains(bypass("a pod of the namespace"));
    }

    @Test
    void aLoggerInThePredictorBringsKServesAgentWhichTakesTheTrafficPastTheProxy() throws IOException {
        // request logging the check step refuses, forced through the blueprint: KServe's agent takes the queue-proxy's traffic
        BuildOutcome generation = withPredictor(template -> template.replace("<#if m.loggerUrl??>", "<#if true>")
                .replace("url: ${m.loggerUrl}", "url: http://demo-scorer-quality:8080"));

        assertThat(functionFindings(generation)).extracting(f -> f.format("mlproject.yaml")).containsExactly(
                upstream("KServe's agent (port 9081), which forwards it to port 8080 of kserve-container"),
                // and the logger's own path, which the spec (logging: false) never asked the policies for
                "mlproject.yaml:36:9: error [MLG-FUNCTION-UNREACHABLE] spec.monitoring.quality.scorer.logging: KServe's"
                        + " logger of InferenceService demo-scorer to Service demo-scorer-quality is blocked on TCP 8080 (the"
                        + " destination's ingress is not allowed): allow it in the tenancy NetworkPolicies or set"
                        + " spec.tenancy.networkPolicy: open");
        assertThat(generation.tree()).isEmpty();
    }

    @Test
    void theModelDeclaringItsPortTakesTheQueueProxysTrafficPastTheProxy() throws IOException {
        BuildOutcome generation = withPredictor(template -> template.replace("<#if !m.proxy??>\n      ports:", "<#if true>\n      ports:"));

        assertThat(functionFindings(generation)).extracting(f -> f.format("mlproject.yaml"))
                .containsExactly(upstream("port 8080 of kserve-container, the pod's other declared port"));
    }

    @Test
    void requestLoggingOnTheModelIsRefusedWithTheReasonAndTheFix() throws IOException {
        Path spec = spec(text -> text.replace("        logging: false\n", ""));

        BuildOutcome generation = Builder.build(spec, BuildOptions.defaults());

        assertThat(generation.findings().sorted()).extracting(f -> f.format("mlproject.yaml")).containsExactly(
                AT + "[MLG-CHECK-AUTH-ENGINE] spec.serving.scorer.auth.type: 'scorer' runs on engine kserve with request"
                        + " logging (spec.monitoring.quality.scorer), and KServe's agent, which sends the logged requests,"
                        + " takes every request from Knative's queue-proxy and forwards it to the model's own port, past the"
                        + " auth-proxy (docs/auth.md): set spec.monitoring.quality.scorer.logging: false, or use auth.type jwt"
                        + " (Istio's sidecar checks the token before the agent), or engine deployment");
        assertThat(generation.tree()).isEmpty();
    }

    private static String bypass(String who) {
        return AT + "[MLG-FUNCTION-AUTH-BYPASS] spec.serving.scorer.auth.type: " + who + " reaches port TCP 8080 of"
                + " InferenceService demo-scorer past its auth-proxy: let the NetworkPolicies admit clients on the proxy's"
                + " port only (spec.tenancy.networkPolicy: restricted)";
    }

    private static String upstream(String to) {
        return AT + "[MLG-FUNCTION-AUTH-UPSTREAM] spec.serving.scorer.auth.type: Knative's queue-proxy in InferenceService"
                + " demo-scorer sends every request to " + to + ", not to its auth-proxy, so clients reach the model without"
                + " signing in: declare a port on the auth-proxy container only, and give the predictor no logger or batcher"
                + " (spec.monitoring.quality.<model>.logging: false)";
    }

    private Path spec(UnaryOperator<String> edit) throws IOException {
        String text = Files.readString(SPEC);
        String edited = edit.apply(text);
        assertThat(edited).as("the edit applies").isNotEqualTo(text);
        return Files.writeString(folder.resolve("mlproject.yaml"), edited);
    }

    /** The fixture built with the InferenceService's blueprint edited. */
    private BuildOutcome withPredictor(UnaryOperator<String> edit) throws IOException {
        Path blueprints = folder.resolve("blueprints/serving/kserve");
        Files.createDirectories(blueprints);
        String own = Files.readString(Path.of("..", "blueprints", "serving", "kserve", "inferenceservice.yaml.ftl"));
        String edited = edit.apply(own);
        assertThat(edited).as("the edit applies").isNotEqualTo(own);
        Files.writeString(blueprints.resolve("inferenceservice.yaml.ftl"), edited);
        return Builder.build(SPEC, BuildOptions.defaults().withBlueprints(folder.resolve("blueprints")));
    }
}
