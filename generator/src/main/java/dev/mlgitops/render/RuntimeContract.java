package dev.mlgitops.render;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What an engine's pods need at run time, declared once with the engine: the connections they
 * open and accept, the containers an operator adds to them, what the cluster must already run,
 * and how the workload grows (for quota sums). The function step reads it through
 * {@link Engines}: how it counts each workload object's pods for the quota, the containers it
 * adds to the engine's pods before the quota and admission checks, the Knative paths and a job's rank ports it proves, and (with {@link Engine#requirements})
 * the prerequisites it lists. Rendering derives the engines' NetworkPolicies from it through
 * {@link ContractPolicies}; KServe reads its allows for Knative's namespaces from it, and the
 * scraper whether its allow lets the namespace's pods in too.
 * A test holds every generated NetworkPolicy rule to a declared connection, and every declared
 * connection the reference wires to one the function step proves.
 *
 * @param opens         connections the engine's pods open
 * @param accepts       connections the engine's pods must accept
 * @param injected      containers an operator or controller adds to the engine's pods
 * @param settings      cluster settings the engine's objects need when they use a field (feature flags)
 * @param workloads     the kinds of workload object the engine emits ({@code group/Kind}, the kind alone
 *                      for the core group), each with how its pods are counted at its largest: the
 *                      function step's quota sums count an object by its engine's entry (a kind no
 *                      entry names, added by a blueprint override, by the kind's own reading)
 * @param servicePorts  the ports, by name, of the Services an operator makes for the engine's pods
 *                      (Knative's revision Services), which a ServiceMonitor may name
 */
public record RuntimeContract(List<Connection> opens, List<Connection> accepts, List<Injected> injected,
                              List<Setting> settings, Map<String, Scaling> workloads, Map<String, Integer> servicePorts) {

    /** An engine whose objects run no pods and need nothing (none today but tenancy's). */
    public static final RuntimeContract NONE = new RuntimeContract(List.of(), List.of(), List.of(), List.of(), Map.of());

    public RuntimeContract {
        opens = List.copyOf(opens);
        accepts = List.copyOf(accepts);
        injected = List.copyOf(injected);
        settings = List.copyOf(settings);
        workloads = Map.copyOf(workloads);
        servicePorts = Map.copyOf(servicePorts);
    }

    /** For an engine whose pods get no Service from an operator. */
    public RuntimeContract(List<Connection> opens, List<Connection> accepts, List<Injected> injected,
                           List<Setting> settings, Map<String, Scaling> workloads) {
        this(opens, accepts, injected, settings, workloads, Map.of());
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
     * @param pods the labels of the peer's pods (Knative's activator in its namespace), empty when
     *             any pod of the peer or when the cluster's facts say which
     * @param policy the egress NetworkPolicy that carries it with the engine's other connections of
     *               the same policy, named {@code <project>-<stage>-to-<policy>} ({@code stores}: the
     *               stage's stores outside the namespace, see {@code ContractPolicies#egress}); empty
     *               when it is not derived that way
     */
    public record Connection(PeerKind peer, String name, int port, String purpose, String when,
                             Map<String, String> pods, String policy) {

        public Connection {
            pods = Map.copyOf(pods);
        }

        public Connection(PeerKind peer, String name, int port, String purpose, String when, Map<String, String> pods) {
            this(peer, name, port, purpose, when, pods, "");
        }

        /** The same connection, carried by the stage's egress policy {@code policy}. */
        public Connection inPolicy(String policy) {
            return new Connection(peer, name, port, purpose, when, pods, policy);
        }

        public Connection(PeerKind peer, String name, int port, String purpose, String when) {
            this(peer, name, port, purpose, when, Map.of());
        }

        public Connection(PeerKind peer, String name, int port, String purpose) {
            this(peer, name, port, purpose, "");
        }

        /** With the pods {@code pods} selects in the namespace {@code namespace}. */
        public static Connection namespacePods(String namespace, Map<String, String> pods, int port, String purpose) {
            return new Connection(PeerKind.NAMESPACE, namespace, port, purpose, "", pods);
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
     * @param by          what adds it (an operator, a controller), as a finding names it
     * @param init        whether it is an init container
     * @param into        the kind of object whose pods get it ({@code WorkflowTemplate}), empty when not said
     * @param fix         what makes it pass Pod Security restricted, for the finding that says it does not
     * @param written     the container as the operator writes it (name, resources, securityContext: what
     *                    the quota and admission checks see, before a pod's patch), null when the
     *                    function step does not model it
     * @param clusterOnly whether only a cluster setting can make it pass (a pod cannot patch it): then
     *                    it is a prerequisite of the tree, not a finding of the spec
     */
    public record Injected(String container, String by, boolean init, String into, String fix, JsonNode written,
                           boolean clusterOnly) {

        /** Declared only: the function step does not add it to the pods it checks. */
        public Injected(String container, String by, boolean init) {
            this(container, by, init, "", "", null, false);
        }

        /** Whether the function step adds it to the pods of {@code into} it checks. */
        public boolean modeled() {
            return written != null;
        }
    }

    /**
     * What the cluster must run for some kinds of object to work: an operator with its CRDs, an
     * ingress controller, an enforcing CNI. One line of PREREQUISITES.md.
     *
     * @param kinds     the kinds it serves, each as {@code group/Kind} ({@code argoproj.io/CronWorkflow})
     * @param component what to install
     * @param version   which versions the generated objects need
     * @param crds      the CRDs it brings, comma-separated, empty when none
     * @param namespace where it runs, empty when anywhere
     * @param settings  the settings it needs, empty when none
     */
    public record Requirement(List<String> kinds, String component, String version, String crds, String namespace,
                              String settings) {

        public Requirement {
            kinds = List.copyOf(kinds);
        }
    }

    /**
     * A cluster setting the engine's objects need once they use a field: an operator's feature
     * flag (Knative's config-features), a sidecar that loads them. One line of PREREQUISITES.md
     * when an object of the tree has the field; the operators themselves are {@link Requirement}s.
     *
     * @param component what must be set, as PREREQUISITES.md names it
     * @param namespace where the setting lives, empty when nowhere in particular
     * @param setting   the setting, and what needs it
     * @param kind      the kind of object it is about, as {@code group/Kind} ({@code ConfigMap} for the core group)
     * @param field     the JSON pointer (RFC 6901) of the field whose presence needs it
     */
    public record Setting(String component, String namespace, String setting, String kind, String field) {}

    /** How the pods of one workload object are counted at its largest, for the quota sums. */
    public enum Scaling {
        /** None of its own: it starts another object's pods, which count there (a CronWorkflow, its WorkflowTemplate's). */
        NONE,
        /**
         * Its pod template times its most replicas: {@code replicas} or its autoscaler's maximum (an
         * InferenceService's {@code maxReplicas}), a Job's {@code parallelism}; plus what runs beside
         * them for a while (a rolling update's surge, a canary's previous revision).
         */
        REPLICAS,
        /** The master and every worker at once (a PyTorchJob's {@code pytorchReplicaSpecs}). */
        MASTER_AND_WORKERS,
        /** As many step pods as can run at the same time (an Argo DAG's independent steps). */
        PARALLEL_STEPS
    }
}
