package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** spec.cluster: the facts of the cluster reach the NetworkPolicies, Ingresses and monitoring objects. */
class ClusterFactsTest {

    private static final String SCORER = "fraud-detection-scorer";
    private static final String EXPLAINER = "fraud-detection-explainer";

    @Test
    void istioNetworkingLetsIstioSystemIntoThePredictors() {
        JsonNode policy = prod(spec -> cluster(spec, "{\"knative\": {\"networking\": \"istio\"}}"))
                .get("NetworkPolicy/" + SCORER + "-allow-http").get("spec");

        assertThat(policy.at("/podSelector/matchLabels")).isEqualTo(json("{\"app.kubernetes.io/name\":\"" + SCORER + "\"}"));
        assertThat(policy.at("/ingress")).isEqualTo(json("""
                [{"from":[{"podSelector":{}},
                          {"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"knative-serving"}}},
                          {"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"istio-system"}}}],
                  "ports":[{"protocol":"TCP","port":8012}]}]"""));
    }

    @Test
    void kourierAndContourLetTheirOwnNamespacesInAndNotIstios() {
        for (String[] layer : new String[][] {{"kourier", "kourier-system"}, {"contour", "contour-external"}}) {
            JsonNode from = prod(spec -> cluster(spec, "{\"knative\": {\"networking\": \"" + layer[0] + "\"}}"))
                    .get("NetworkPolicy/" + SCORER + "-allow-http").at("/spec/ingress/0/from");

            assertThat(from.toString()).as(layer[0]).contains("\"" + layer[1] + "\"").doesNotContain("istio-system");
            assertThat(from.get(1).at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString())
                    .isEqualTo("knative-serving");
        }
    }

    @Test
    void aGivenGatewayNamespaceWinsOverTheLayersDefault() {
        JsonNode from = prod(spec -> cluster(spec, "{\"knative\": {\"networking\": \"kourier\", \"namespace\": \"edge\"}}"))
                .get("NetworkPolicy/" + SCORER + "-allow-http").at("/spec/ingress/0/from");

        assertThat(from.get(2).at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asString()).isEqualTo("edge");
    }

    @Test
    void theIngressControllerOfTheSpecIsLetInAndNamedByClass() {
        Rendering rendering = prod(spec -> {
            ((ObjectNode) spec.at("/serving/explainer")).set("ingress", json("{\"host\": \"explain.example.com\"}"));
            return cluster(spec, "{\"ingress\": {\"namespace\": \"traefik\", \"className\": \"traefik.example.com\"}}");
        });

        assertThat(rendering.get("Ingress/" + EXPLAINER).at("/spec/ingressClassName").asString())
                .isEqualTo("traefik.example.com");
        assertThat(rendering.get("NetworkPolicy/" + EXPLAINER + "-allow-http").at("/spec/ingress/0/from").toString())
                .contains("{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"traefik\"}}}")
                .doesNotContain("ingress-nginx");
    }

    @Test
    void prometheusOfTheSpecIsLetInAndSelectsByItsLabels() {
        Rendering rendering = prod(spec -> cluster(spec,
                "{\"monitoring\": {\"namespace\": \"observability\", \"prometheusLabels\": {\"prometheus\": \"platform\"}}}"));

        for (String model : new String[] {SCORER, EXPLAINER}) {
            // a proxied model admits Prometheus's namespace alone, a plain one its own pods too
            assertThat(rendering.get("NetworkPolicy/" + model + "-allow-metrics").at("/spec/ingress/0/from").toString())
                    .contains("{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"observability\"}}}")
                    .doesNotContain("\"monitoring\"");
            JsonNode labels = rendering.get("ServiceMonitor/" + model).at("/metadata/labels");
            assertThat(labels.get("prometheus").asString()).isEqualTo("platform");
            assertThat(labels.has("release")).isFalse();
        }
        assertThat(rendering.get("PrometheusRule/fraud-detection-alerts").at("/metadata/labels/prometheus").asString())
                .isEqualTo("platform");
    }

    @Test
    void withoutClusterTheDefaultsAreTheWellKnownOnes() {
        Rendering rendering = prod(spec -> {
            spec.remove("cluster");
            ((ObjectNode) spec.at("/serving/explainer")).set("ingress", json("{\"host\": \"explain.example.com\"}"));
            return spec;
        });

        assertThat(rendering.get("Ingress/" + EXPLAINER).at("/spec/ingressClassName").asString()).isEqualTo("nginx");
        assertThat(rendering.get("NetworkPolicy/" + EXPLAINER + "-allow-http").at("/spec/ingress/0/from").toString())
                .contains("\"ingress-nginx\"");
        assertThat(rendering.get("NetworkPolicy/" + SCORER + "-allow-http").at("/spec/ingress/0/from").toString())
                .contains("\"istio-system\"");
        assertThat(rendering.get("ServiceMonitor/" + SCORER).at("/metadata/labels/release").asString())
                .isEqualTo("kube-prometheus-stack");
        assertThat(rendering.get("NetworkPolicy/" + SCORER + "-allow-metrics").at("/spec/ingress/0/from").toString())
                .contains("\"monitoring\"");
    }

    @Test
    void withAnIssuerATlsIngressAsksCertManagerForTheSecretItNames() {
        Rendering rendering = prod(spec -> {
            ((ObjectNode) spec.at("/serving/explainer")).set("ingress", json("{\"host\": \"explain.example.com\", \"tls\": true}"));
            ((ObjectNode) spec.at("/serving/assistant")).set("ingress", json("{\"host\": \"chat.example.com\"}"));
            return cluster(spec, "{\"tls\": {\"issuer\": \"letsencrypt-prod\"}}");
        });

        ObjectNode explainer = rendering.get("Ingress/" + EXPLAINER);
        assertThat(explainer.at("/metadata/annotations")).isEqualTo(json("{\"cert-manager.io/cluster-issuer\":\"letsencrypt-prod\"}"));
        assertThat(explainer.at("/spec/tls")).isEqualTo(json(
                "[{\"hosts\":[\"explain.example.com\"],\"secretName\":\"" + EXPLAINER + "-tls\"}]"));
        // no TLS, no certificate to ask for
        assertThat(rendering.get("Ingress/fraud-detection-assistant").at("/metadata/annotations").isMissingNode()).isTrue();
    }

    @Test
    void withoutAnIssuerATlsIngressNamesItsSecretAndNoIssuer() {
        Rendering rendering = prod(spec -> {
            ((ObjectNode) spec.at("/serving/explainer")).set("ingress", json("{\"host\": \"explain.example.com\", \"tls\": true}"));
            ((ObjectNode) spec.get("cluster")).remove("tls");
            return spec;
        });

        ObjectNode explainer = rendering.get("Ingress/" + EXPLAINER);
        assertThat(explainer.at("/metadata/annotations").isMissingNode()).isTrue();
        assertThat(explainer.at("/spec/tls/0/secretName").asString()).isEqualTo(EXPLAINER + "-tls");
    }

    static Rendering prod(UnaryOperator<ObjectNode> edit) {
        ResolvedEnvironment prod = new ResolvedEnvironment(ReferenceProject.metadata(), ReferenceProject.spec(edit),
                Optional.of(ReferenceProject.PROD));
        Rendering rendering = Rendering.of(prod);
        assertThat(rendering.errors()).isEmpty();
        return rendering;
    }

    static ObjectNode cluster(ObjectNode spec, String cluster) {
        spec.set("cluster", json(cluster));
        return spec;
    }

    static JsonNode json(String text) {
        return KubeYaml.mapper().readTree(text);
    }
}
