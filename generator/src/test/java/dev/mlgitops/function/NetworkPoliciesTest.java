package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mlgitops.function.NetworkPolicies.Port;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

/** NetworkPolicy semantics as the API documents them, case by case, on hand-written policies. */
class NetworkPoliciesTest {

    private static final String NS = "team";
    private static final Peer API = new Peer(NS, Map.of("app", "api"), Map.of("http", 8080), "");
    private static final Peer WEB = new Peer(NS, Map.of("app", "web"), Map.of(), "");
    private static final Peer PROMETHEUS = Peer.cluster("monitoring", Map.of("app", "prometheus"));
    private static final Peer OTHER_IN_MONITORING = Peer.cluster("monitoring", Map.of("app", "grafana"));

    @Test
    void aPodNoPolicySelectsIsUnrestricted() {
        NetworkPolicies policies = policies("""
                spec: {podSelector: {matchLabels: {app: api}}, policyTypes: [Ingress]}
                """);

        assertThat(policies.refusal(API, WEB, Port.tcp(80))).isNull();
        assertThat(policies.refusal(WEB, API, Port.tcp(8080))).isEqualTo("the destination's ingress is not allowed");
    }

    @Test
    void aPassNeedsTheSourcesEgressAndTheDestinationsIngress() {
        NetworkPolicies policies = policies("""
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                ---
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]
                """);

        assertThat(policies.refusal(WEB, API, Port.tcp(8080))).isEqualTo("the source's egress is not allowed");
        NetworkPolicies withEgress = policies("""
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                ---
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 8080}]}]
                ---
                spec: {podSelector: {}, policyTypes: [Egress], egress: [{to: [{podSelector: {}}]}]}
                """);
        assertThat(withEgress.refusal(WEB, API, Port.tcp(8080))).isNull();
        assertThat(withEgress.refusal(WEB, API, Port.tcp(9090))).isEqualTo("the destination's ingress is not allowed");
        assertThat(withEgress.refusal(WEB, API, new Port("UDP", 8080))).isEqualTo("the destination's ingress is not allowed");
    }

    @Test
    void withoutPolicyTypesEgressCountsOnlyWhenThePolicyHasEgressRules() {
        NetworkPolicies ingressOnly = policies("""
                spec: {podSelector: {}}
                """);
        NetworkPolicies both = policies("""
                spec: {podSelector: {}, egress: []}
                """);

        assertThat(ingressOnly.refusal(WEB, Peer.external("203.0.113.10"), Port.tcp(443))).isNull();
        assertThat(both.refusal(WEB, Peer.external("203.0.113.10"), Port.tcp(443))).isEqualTo("the source's egress is not allowed");
    }

    @Test
    void aNamespaceSelectorAloneAdmitsEveryPodThereAndTogetherWithAPodSelectorOnlyThoseMatching() {
        NetworkPolicies alone = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]}]
                """);
        NetworkPolicies combined = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                      podSelector: {matchLabels: {app: prometheus}}
                """);
        NetworkPolicies separate = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                  - from:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                    - podSelector: {matchLabels: {app: prometheus}}
                """);

        assertThat(alone.refusal(OTHER_IN_MONITORING, API, Port.tcp(8080))).isNull();
        assertThat(combined.refusal(PROMETHEUS, API, Port.tcp(8080))).isNull();
        assertThat(combined.refusal(OTHER_IN_MONITORING, API, Port.tcp(8080))).isNotNull();
        // two peers: any pod of monitoring, or a pod labelled prometheus in the policy's own namespace
        assertThat(separate.refusal(OTHER_IN_MONITORING, API, Port.tcp(8080))).isNull();
        assertThat(separate.refusal(new Peer(NS, Map.of("app", "prometheus"), Map.of(), ""), API, Port.tcp(8080))).isNull();
        assertThat(separate.refusal(WEB, API, Port.tcp(8080))).isNotNull();
    }

    @Test
    void aPodSelectorAloneMeansThePoliciesOwnNamespace() {
        NetworkPolicies policies = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {}}]}]
                """);

        assertThat(policies.refusal(WEB, API, Port.tcp(8080))).isNull();
        assertThat(policies.refusal(PROMETHEUS, API, Port.tcp(8080))).isNotNull();
    }

    @Test
    void namedPortsResolveOnTheDestinationPodAndEndPortMakesARange() {
        NetworkPolicies named = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{ports: [{port: http}]}]
                """);
        NetworkPolicies range = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{ports: [{port: 32000, endPort: 32768}]}]
                """);

        assertThat(named.refusal(WEB, API, Port.tcp(8080))).isNull();
        assertThat(named.refusal(WEB, API, Port.tcp(8081))).isNotNull();
        // a port given as the string "8080" is a name, and no container port is named so
        NetworkPolicies quoted = policies("""
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{ports: [{port: "8080"}]}]
                """);
        assertThat(quoted.refusal(WEB, API, Port.tcp(8080))).isNotNull();
        assertThat(range.refusal(WEB, API, Port.tcp(32500))).isNull();
        assertThat(range.refusal(WEB, API, Port.tcp(32769))).isNotNull();
    }

    @Test
    void anIpBlockMatchesAddressesOutsideTheClusterMinusItsExceptions() {
        NetworkPolicies policies = policies("""
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32, 10.0.0.0/8]}}]
                    ports: [{protocol: TCP, port: 443}]
                """);

        assertThat(policies.refusal(WEB, Peer.external("203.0.113.10"), Port.tcp(443))).isNull();
        assertThat(policies.refusal(WEB, Peer.external("169.254.169.254"), Port.tcp(443))).isNotNull();
        assertThat(policies.refusal(WEB, Peer.external("10.1.2.3"), Port.tcp(443))).isNotNull();
        assertThat(policies.refusal(WEB, Peer.external("203.0.113.10"), Port.tcp(22))).isNotNull();
        // an ipBlock is no way to a pod: pod addresses are the cluster's
        assertThat(policies.refusal(WEB, API, Port.tcp(443))).isNotNull();
        assertThat(NetworkPolicies.inCidr("fd00:ec2::254/128", "fd00:ec2::254")).isTrue();
        assertThat(NetworkPolicies.inCidr("example.com/8", "203.0.113.10")).isFalse();
    }

    @Test
    void matchExpressionsSelectLikeTheApi() {
        NetworkPolicies policies = policies("""
                spec:
                  podSelector: {matchExpressions: [{key: app, operator: In, values: [api, web]}]}
                  policyTypes: [Ingress]
                """);

        assertThat(policies.refusal(PROMETHEUS, API, Port.tcp(8080))).isNotNull();
        assertThat(policies.refusal(PROMETHEUS, WEB, Port.tcp(8080))).isNotNull();
        assertThat(policies.refusal(PROMETHEUS, new Peer(NS, Map.of("app", "db"), Map.of(), ""), Port.tcp(8080))).isNull();
        assertThat(Selector.matches(json("{matchExpressions: [{key: tier, operator: DoesNotExist}]}"), Map.of("app", "x"))).isTrue();
        assertThat(Selector.matches(json("{matchExpressions: [{key: app, operator: NotIn, values: [x]}]}"), Map.of("app", "x"))).isFalse();
    }

    private static NetworkPolicies policies(String yaml) {
        List<JsonNode> found = new ArrayList<>();
        for (String document : yaml.split("(?m)^---$")) {
            found.add(json(document));
        }
        return new NetworkPolicies(NS, found, Map.of());
    }

    private static JsonNode json(String yaml) {
        return KubeYaml.mapper().readTree(yaml);
    }
}
