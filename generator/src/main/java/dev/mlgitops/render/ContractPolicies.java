package dev.mlgitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.mlgitops.model.Stage;

/**
 * The NetworkPolicy allows an engine asks of tenancy, derived from the connections of its
 * {@link RuntimeContract}: the one place a declared connection becomes a policy, so the two cannot
 * drift. Every engine's {@code needs} goes through here for what it covers; what an engine still
 * writes by hand is what its contract does not yet say enough about (see docs/engines.md).
 *
 * <p>Covered: the connections the engine's pods open to the Service of another stage whose callers
 * ask for the allow (the feature server's, MLflow's: the server's own engine does not know who
 * calls it). One allow per called stage, from the calling stage's pods, on the ports the contract
 * declares, present when the environment has that stage. The drift detector of the monitoring stage
 * is the other way round: its own engine admits the watched model, so it is not here. And the
 * connections between the pods of one workload (the ranks of a distributed job): one allow per
 * workload, from its own pods, on the declared ports, every port when one is ephemeral. And the
 * connections an item's pods accept from the namespace's pods and the ingress controller (a
 * model's clients, a UI's proxy): the engine says which items take them, the contract on which ports.
 * And the connections a stage's pods open to what lies outside the namespace, grouped by the
 * egress policy each declares ({@link RuntimeContract.Connection#policy}). And the connections an
 * item accepts under a spec condition, from the pods of another stage the engine names (the model a
 * drift detector watches) or from the namespaces of the cluster's facts (Prometheus's).
 */
final class ContractPolicies {

    /** The stages whose callers ask for their allow, in the order tenancy writes the allows. */
    private static final List<Stage> CALLED = List.of(Stage.FEATURE_STORE, Stage.MODEL_REGISTRY);

    private ContractPolicies() {
    }

    /**
     * The allows for the connections {@code contract} opens from the pods of {@code from} to another
     * stage's Service: {@code <project>-<from>-to-<service>}, one per stage this environment has.
     */
    static List<TenancyNeeds.Allow> opened(RenderContext context, Stage from, RuntimeContract contract) {
        List<TenancyNeeds.Allow> allows = new ArrayList<>();
        for (Stage to : CALLED) {
            List<Integer> ports = contract.opens().stream()
                    .filter(connection -> connection.peer() == RuntimeContract.PeerKind.STAGE
                            && connection.name().equals(to.folder()))
                    .map(RuntimeContract.Connection::port).distinct().toList();
            if (ports.isEmpty()) {
                continue;
            }
            context.stageService(to).ifPresent(service -> allows.add(new TenancyNeeds.Allow(
                    context.objectName(from.folder() + "-to-" + service), context.objectName(service), ports,
                    List.of(context.stageSelector(from)), false, List.of())));
        }
        return allows;
    }

    /**
     * The allow for the connections {@code contract} accepts from the other pods of the same
     * workload, {@code <project>-<thing>-allow-ranks} on the pods of {@code <project>-<thing>}: on the
     * declared ports, or on every port when one of them is ephemeral (port 0, NCCL's and Gloo's);
     * empty when the contract accepts none.
     */
    static Optional<TenancyNeeds.Allow> withinWorkload(RenderContext context, String thing, RuntimeContract contract) {
        List<Integer> ports = contract.accepts().stream()
                .filter(connection -> connection.peer() == RuntimeContract.PeerKind.SAME_WORKLOAD)
                .map(RuntimeContract.Connection::port).distinct().toList();
        if (ports.isEmpty()) {
            return Optional.empty();
        }
        String workload = context.objectName(thing);
        return Optional.of(new TenancyNeeds.Allow(context.objectName(thing + "-allow-ranks"), workload,
                ports.contains(0) ? List.of() : ports, List.of(RenderContext.selector(workload)), false, List.of()));
    }

    /**
     * The allow for the connections {@code contract} accepts from the pods of the namespace and,
     * when the item has an {@code ingress}, from the ingress controller, into the pods of
     * {@code <project>-<item>}: {@code <project>-<item>-allow-<policy>}, on the ports of those
     * connections ({@code itemPort} for a port the item chooses, declared as 0); empty when the
     * contract accepts nothing from the namespace's pods.
     */
    static Optional<TenancyNeeds.Allow> inbound(RenderContext context, String item, String policy, RuntimeContract contract,
                                                int itemPort, boolean ingress) {
        List<RuntimeContract.Connection> accepted = contract.accepts().stream()
                .filter(connection -> connection.peer() == RuntimeContract.PeerKind.NAMESPACE_PODS).toList();
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        List<RuntimeContract.Connection> fromIngress = !ingress ? List.of() : contract.accepts().stream()
                .filter(connection -> connection.peer() == RuntimeContract.PeerKind.INGRESS_CONTROLLER).toList();
        List<Integer> ports = Stream.concat(accepted.stream(), fromIngress.stream())
                .map(connection -> connection.port() == 0 ? itemPort : connection.port()).distinct().toList();
        return Optional.of(new TenancyNeeds.Allow(context.objectName(item + "-allow-" + policy), context.objectName(item),
                ports, List.of(), !fromIngress.isEmpty(), List.of()));
    }

    /**
     * The allow {@code <project>-<item>-allow-<policy>} into the pods of {@code <project>-<item>} for
     * the connections {@code contract} accepts under the condition {@code when}: from the pods
     * {@code from} selects when they come from the stage {@code peerStage} (the engine says which of
     * that stage's pods, such as the one model a detector watches), or from the namespaces they name
     * (a {@code spec.cluster} fact, as {@link #namespace} resolves it); empty when none is accepted.
     */
    static Optional<TenancyNeeds.Allow> accepted(RenderContext context, String item, String policy, RuntimeContract contract,
                                                 String when, Stage peerStage, Map<String, String> from) {
        List<RuntimeContract.Connection> accepted = contract.accepts().stream()
                .filter(connection -> connection.when().equals(when)).toList();
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> ports = accepted.stream().map(RuntimeContract.Connection::port).distinct().toList();
        List<Map<String, String>> pods = accepted.stream().anyMatch(connection -> connection.peer() == RuntimeContract.PeerKind.STAGE
                && connection.name().equals(peerStage.folder())) ? List.of(from) : List.of();
        List<String> namespaces = accepted.stream().filter(connection -> connection.peer() == RuntimeContract.PeerKind.NAMESPACE)
                .map(connection -> namespace(context, connection.name())).distinct().toList();
        String name = context.objectName(item + "-allow-" + policy);
        String target = context.objectName(item);
        return Optional.of(pods.isEmpty() ? new TenancyNeeds.Allow(name, target, ports, List.of(), false, namespaces, false)
                : new TenancyNeeds.Allow(name, target, ports, pods, false, namespaces));
    }

    /** A namespace as a contract names it: itself, or the {@code spec.cluster} fact that gives it. */
    static String namespace(RenderContext context, String name) {
        return switch (name) {
            case PrometheusMonitoring.MONITORING_NAMESPACE -> context.spec().cluster().monitoring().namespace();
            case KServeServing.GATEWAY_NAMESPACE -> context.spec().cluster().knative().namespace();
            default -> name;
        };
    }

    /** The egress policy of a stage's stores outside the namespace (buckets, Redis, databases). */
    static final String STORES = "stores";
    /**
     * The egress policy of a workload that talks to the Kubernetes API server: no pod or namespace
     * selector matches the apiserver (it is no pod of the cluster's network), so any address but the
     * metadata one, on the {@code kubernetes} Service's port and the apiserver's own, which
     * NetworkPolicy sees after the Service's address is translated.
     */
    static final String APISERVER = "apiserver";

    /**
     * The egress policy {@code <project>-<stage>-to-<policy>} for the connections {@code contract}
     * opens with that {@link RuntimeContract.Connection#policy}: from the pods of {@code stage} (see
     * {@link TenancyNeeds.Egress}), on their ports in the contract's order, a port the spec decides
     * (declared 0) given by {@code specPorts}; empty when the contract declares none.
     */
    static Optional<TenancyNeeds.Egress> egress(RenderContext context, Stage stage, String policy, RuntimeContract contract,
                                                Function<RuntimeContract.Connection, List<Integer>> specPorts) {
        return egress(context.objectName(stage.folder() + "-to-" + policy), context.stageSelector(stage),
                policy, contract, specPorts);
    }

    /**
     * The egress policy {@code <project>-<item>-to-<policy>} of one item's pods (those of the
     * workload {@code <project>-<item>}), as {@link #egress(RenderContext, Stage, String, RuntimeContract, Function)}
     * for a stage's: the engine says which items open the connections, the contract on which ports.
     */
    static Optional<TenancyNeeds.Egress> itemEgress(RenderContext context, String item, String policy,
                                                    RuntimeContract contract) {
        return itemEgress(context, item, policy, contract, connection -> List.of());
    }

    /** As {@link #itemEgress(RenderContext, String, String, RuntimeContract)}, a port the spec decides given by {@code specPorts}. */
    static Optional<TenancyNeeds.Egress> itemEgress(RenderContext context, String item, String policy, RuntimeContract contract,
                                                    Function<RuntimeContract.Connection, List<Integer>> specPorts) {
        return egress(context.objectName(item + "-to-" + policy), RenderContext.selector(context.objectName(item)),
                policy, contract, specPorts);
    }

    private static Optional<TenancyNeeds.Egress> egress(String name, Map<String, String> from, String policy,
                                                        RuntimeContract contract,
                                                        Function<RuntimeContract.Connection, List<Integer>> specPorts) {
        List<Integer> ports = contract.opens().stream().filter(connection -> connection.policy().equals(policy))
                .flatMap(connection -> connection.port() == 0 ? specPorts.apply(connection).stream()
                        : Stream.of(connection.port()))
                .distinct().toList();
        return ports.isEmpty() ? Optional.empty() : Optional.of(new TenancyNeeds.Egress(name, from, ports));
    }
}
