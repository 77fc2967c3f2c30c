package dev.mlgitops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.Stage;

/** The allows derived from a contract's connections: from the declaration, not from the spec alone. */
class ContractPoliciesTest {

    private static final RenderContext PROD = new RenderContext(ReferenceProject.prod());
    private static final Map<String, String> TRAINING_PODS = Map.of("app.kubernetes.io/part-of", "fraud-detection",
            "app.kubernetes.io/component", "training");

    private static RuntimeContract opening(RuntimeContract.Connection... opens) {
        return new RuntimeContract(List.of(opens), List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void aDeclaredConnectionToAnotherStagesServiceBecomesOneAllowFromTheCallersPodsOnItsPort() {
        RuntimeContract contract = opening(
                new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, "model-registry", 5000, "runs"),
                new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, "model-registry", 5000, "registered models"),
                new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, "feature-store", 6566, "features"));

        List<TenancyNeeds.Allow> allows = ContractPolicies.opened(PROD, Stage.TRAINING, contract);

        // feature server first, then MLflow, whatever the contract's order; one allow for both MLflow connections
        assertEquals(List.of(
                new TenancyNeeds.Allow("fraud-detection-training-to-feature-server", "fraud-detection-feature-server",
                        List.of(6566), List.of(TRAINING_PODS), false, List.of()),
                new TenancyNeeds.Allow("fraud-detection-training-to-mlflow", "fraud-detection-mlflow",
                        List.of(5000), List.of(TRAINING_PODS), false, List.of())), allows);
    }

    @Test
    void theEnvironmentHavingTheStageIsNotEnoughWithoutADeclaredConnection() {
        assertEquals(List.of(), ContractPolicies.opened(PROD, Stage.TRAINING, RuntimeContract.NONE));
        // nor a connection to a stage whose own engine admits its callers (the drift detector), nor one outside
        assertEquals(List.of(), ContractPolicies.opened(PROD, Stage.SERVING, opening(
                new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, "monitoring", 8080, "logged requests"),
                RuntimeContract.Connection.external("object store", 443, "models"))));
    }

    @Test
    void anAcceptedConnectionAdmitsTheStagesPodsTheEngineNamesOrTheNamespacesTheClusterFactsGive() {
        RuntimeContract detector = new RuntimeContract(List.of(), List.of(
                new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, "serving", 8080, "logged requests", "logging"),
                new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE, "spec.cluster.monitoring.namespace", 9090,
                        "Prometheus", "scrape")), List.of(), List.of(), Map.of());
        Map<String, String> scorer = Map.of("app.kubernetes.io/name", "fraud-detection-scorer");

        assertEquals(Optional.of(new TenancyNeeds.Allow("fraud-detection-scorer-quality-allow-logging",
                        "fraud-detection-scorer-quality", List.of(8080), List.of(scorer), false, List.of())),
                ContractPolicies.accepted(PROD, "scorer-quality", "logging", detector, "logging", Stage.SERVING, scorer));
        // the cluster's monitoring namespace, and no pod of the project's own
        assertEquals(Optional.of(new TenancyNeeds.Allow("fraud-detection-scorer-quality-allow-metrics",
                        "fraud-detection-scorer-quality", List.of(9090), List.of(), false,
                        List.of(PROD.spec().cluster().monitoring().namespace()), false)),
                ContractPolicies.accepted(PROD, "scorer-quality", "metrics", detector, "scrape", Stage.SERVING, scorer));
        assertEquals(Optional.empty(), ContractPolicies.accepted(PROD, "scorer-quality", "x", detector, "never", Stage.SERVING, scorer));
    }

    @Test
    void thePortIsTheDeclaredOne() {
        List<TenancyNeeds.Allow> allows = ContractPolicies.opened(PROD, Stage.NOTEBOOKS, opening(
                new RuntimeContract.Connection(RuntimeContract.PeerKind.STAGE, "model-registry", 5001, "experiments")));

        assertEquals(1, allows.size());
        assertEquals(List.of(5001), allows.get(0).ports());
        assertEquals("fraud-detection-notebooks-to-mlflow", allows.get(0).name());
    }

    @Test
    void theRanksOfOneWorkloadGetEveryPortWhenOneConnectionIsEphemeralElseTheDeclaredOnes() {
        Map<String, String> job = Map.of("app.kubernetes.io/name", "fraud-detection-distributed");
        RuntimeContract.Connection rendezvous = RuntimeContract.Connection.sameWorkload(23456, "rendezvous");

        assertEquals(Optional.of(new TenancyNeeds.Allow("fraud-detection-distributed-allow-ranks",
                        "fraud-detection-distributed", List.of(), List.of(job), false, List.of())),
                ContractPolicies.withinWorkload(PROD, "distributed", new RuntimeContract(List.of(), List.of(rendezvous,
                        RuntimeContract.Connection.sameWorkload(0, "NCCL")), List.of(), List.of(), Map.of())));
        assertEquals(List.of(23456), ContractPolicies.withinWorkload(PROD, "distributed", new RuntimeContract(List.of(),
                List.of(rendezvous), List.of(), List.of(), Map.of())).orElseThrow().ports());
        // opened only, not accepted: no allow
        assertEquals(Optional.empty(), ContractPolicies.withinWorkload(PROD, "distributed", opening(rendezvous)));
    }

    @Test
    void anItemTakesTheNamespacesPodsOnTheDeclaredPortAndTheIngressControllerOnlyWithAnIngress() {
        RuntimeContract contract = new RuntimeContract(List.of(), List.of(
                new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", 4180, "through the proxy"),
                new RuntimeContract.Connection(RuntimeContract.PeerKind.INGRESS_CONTROLLER, "", 4180, "the proxy", "ingress"),
                new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE, "monitoring", 9090, "Prometheus")),
                List.of(), List.of(), Map.of());

        assertEquals(Optional.of(new TenancyNeeds.Allow("fraud-detection-alice-allow-proxy",
                "fraud-detection-alice", List.of(4180), List.of(), true, List.of())),
                ContractPolicies.inbound(PROD, "alice", "proxy", contract, 8888, true));
        assertEquals(Optional.of(new TenancyNeeds.Allow("fraud-detection-alice-allow-proxy",
                "fraud-detection-alice", List.of(4180), List.of(), false, List.of())),
                ContractPolicies.inbound(PROD, "alice", "proxy", contract, 8888, false));
        // a port the item chooses (declared 0) is the item's
        RuntimeContract anyPort = new RuntimeContract(List.of(), List.of(
                new RuntimeContract.Connection(RuntimeContract.PeerKind.NAMESPACE_PODS, "", 0, "clients")),
                List.of(), List.of(), Map.of());
        assertEquals(List.of(8080), ContractPolicies.inbound(PROD, "fraud", "http", anyPort, 8080, false).orElseThrow().ports());
        // nothing accepted from the namespace's pods: no allow
        assertEquals(Optional.empty(), ContractPolicies.inbound(PROD, "alice", "proxy", RuntimeContract.NONE, 8888, true));
    }

    @Test
    void theStoresOfAStageAreOnePolicyOnTheirPortsInTheContractsOrderTheSpecsPortsForADeclaredZero() {
        RuntimeContract contract = opening(
                RuntimeContract.Connection.external("object store", 443, "artifacts").inPolicy(ContractPolicies.STORES),
                RuntimeContract.Connection.external("backend store", 0, "the database").inPolicy(ContractPolicies.STORES),
                RuntimeContract.Connection.external("identity provider", 443, "sign-in"),
                RuntimeContract.Connection.external("object store", 443, "models").inPolicy(ContractPolicies.STORES));

        assertEquals(Optional.of(new TenancyNeeds.Egress("fraud-detection-model-registry-to-stores",
                        Map.of("app.kubernetes.io/part-of", "fraud-detection", "app.kubernetes.io/component", "model-registry"),
                        List.of(443, 5432, 3306))),
                ContractPolicies.egress(PROD, Stage.MODEL_REGISTRY, ContractPolicies.STORES, contract,
                        connection -> List.of(5432, 3306)));
        // a connection outside the policy opens nothing in it
        assertEquals(Optional.empty(), ContractPolicies.egress(PROD, Stage.MODEL_REGISTRY, ContractPolicies.STORES,
                opening(RuntimeContract.Connection.external("identity provider", 443, "sign-in")), connection -> List.of()));
    }

    @Test
    void anItemsEgressIsFromItsOwnPodsOnThePortsOfItsPolicyOnly() {
        RuntimeContract contract = opening(
                RuntimeContract.Connection.external("Kubernetes API server", 443, "the Service's port").inPolicy(ContractPolicies.APISERVER),
                RuntimeContract.Connection.external("Kubernetes API server", 6443, "its own port").inPolicy(ContractPolicies.APISERVER),
                RuntimeContract.Connection.external("dataset stores", 0, "datasets").inPolicy(ContractPolicies.STORES));

        assertEquals(Optional.of(new TenancyNeeds.Egress("fraud-detection-nightly-to-apiserver",
                        Map.of("app.kubernetes.io/name", "fraud-detection-nightly"), List.of(443, 6443))),
                ContractPolicies.itemEgress(PROD, "nightly", ContractPolicies.APISERVER, contract));
        assertEquals(Optional.empty(), ContractPolicies.itemEgress(PROD, "nightly", "package-indexes", contract));
    }
}
