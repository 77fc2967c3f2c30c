package dev.mlgitops.render;

import java.util.List;

/**
 * What an engine's pods need at run time, declared once with the engine: the connections they
 * open and accept, the containers an operator adds to them, what the cluster must already run,
 * and how the workload grows (for quota sums). Data only: the function checks of the runtime
 * contracts issue read it; nothing in rendering does yet.
 *
 * @param opens         connections the engine's pods open
 * @param accepts       connections the engine's pods must accept
 * @param injected      containers an operator or controller adds to the engine's pods
 * @param prerequisites what the cluster must run or allow before the engine's objects work
 * @param scaling       how many pods one spec item of the engine runs at its largest
 */
public record RuntimeContract(List<Connection> opens, List<Connection> accepts, List<Injected> injected,
                              List<Prerequisite> prerequisites, Scaling scaling) {

    /** An engine whose objects run no pods and need nothing (none today but tenancy's). */
    public static final RuntimeContract NONE = new RuntimeContract(List.of(), List.of(), List.of(), List.of(), Scaling.NONE);

    public RuntimeContract {
        opens = List.copyOf(opens);
        accepts = List.copyOf(accepts);
        injected = List.copyOf(injected);
        prerequisites = List.copyOf(prerequisites);
    }

    /** What is at the other end of a connection. */
    public enum PeerKind {
        /** The Service of another stage of the project ({@code name} is the stage's folder, e.g. {@code model-registry}). */
        STAGE,
        /** Pods of the project's own namespace. */
        NAMESPACE_PODS,
        /** Pods of another namespace ({@code name} is the namespace, e.g. {@code knative-serving}). */
        NAMESPACE,
        /** The cluster's ingress controller. */
        INGRESS_CONTROLLER,
        /** Something outside the cluster ({@code name} says what, e.g. {@code object store}). */
        EXTERNAL,
        /** The other pods of the same workload (the ranks of one distributed job). */
        SAME_WORKLOAD
    }

    /**
     * One connection, seen from the engine's pods.
     *
     * @param port the TCP port; 0 for the ephemeral ports of a peer that picks them at run time
     * @param when the spec condition under which it exists, empty when always
     */
    public record Connection(PeerKind peer, String name, int port, String purpose, String when) {

        public Connection(PeerKind peer, String name, int port, String purpose) {
            this(peer, name, port, purpose, "");
        }

        /** With the Service of another stage of the project. */
        public static Connection stage(dev.mlgitops.model.Stage stage, int port, String purpose) {
            return new Connection(PeerKind.STAGE, stage.folder(), port, purpose);
        }

        /** With something outside the cluster. */
        public static Connection external(String what, int port, String purpose) {
            return new Connection(PeerKind.EXTERNAL, what, port, purpose);
        }

        /** Between the pods of one workload. */
        public static Connection sameWorkload(int port, String purpose) {
            return new Connection(PeerKind.SAME_WORKLOAD, "", port, purpose);
        }
    }

    /**
     * A container that is not in the engine's blueprint but runs in its pods.
     *
     * @param by   what adds it (an operator, a controller)
     * @param init whether it is an init container
     */
    public record Injected(String container, String by, boolean init) {}

    /**
     * Something the cluster must provide: an operator and its API, a device plugin, a controller
     * setting or a feature flag.
     *
     * @param api     the API group and version whose kinds the engine emits, empty when none
     * @param setting a setting the cluster must have, empty when none
     * @param when    the spec condition under which it is needed, empty when always
     */
    public record Prerequisite(String what, String api, String setting, String when) {}

    /** How many pods one spec item runs at its largest, for the quota sums. */
    public enum Scaling {
        /** No pods. */
        NONE,
        /** One pod per item (a notebook, a one-pod job). */
        ONE,
        /** Up to the item's most replicas ({@code replicas.max}, or its fixed count). */
        REPLICAS,
        /** The master and every worker at once. */
        MASTER_AND_WORKERS,
        /** As many pods as steps that can run at the same time. */
        PARALLEL_STEPS
    }
}
