package dev.mlgitops.render;

import java.util.List;
import java.util.Map;

/**
 * What a stage's workloads need from tenancy: the workload kinds that run pods (each gets a
 * ServiceAccount {@code <project>-<kind>}), the traffic the default-deny policy must let in and
 * out, what the ServiceAccounts may do through the API, and the workload kinds whose
 * ServiceAccount needs a token Secret {@code <project>-<kind>.service-account-token} (Argo
 * Workflows mounts it into its executor containers when the pod does not automount a token).
 */
record TenancyNeeds(List<String> workloadKinds, List<Allow> allows, List<Grant> grants, List<Egress> egress,
                    List<String> tokenSecrets) {

    static final TenancyNeeds NONE = new TenancyNeeds(List.of(), List.of());

    TenancyNeeds {
        workloadKinds = List.copyOf(workloadKinds);
        allows = List.copyOf(allows);
        grants = List.copyOf(grants);
        egress = List.copyOf(egress);
        tokenSecrets = List.copyOf(tokenSecrets);
    }

    /** Needs whose ServiceAccounts want no long-lived token Secret. */
    TenancyNeeds(List<String> workloadKinds, List<Allow> allows, List<Grant> grants, List<Egress> egress) {
        this(workloadKinds, allows, grants, egress, List.of());
    }

    /** Workloads that only talk inside the namespace and need no API rights. */
    TenancyNeeds(List<String> workloadKinds, List<Allow> allows) {
        this(workloadKinds, allows, List.of(), List.of());
    }

    static TenancyNeeds withEgress(List<String> workloadKinds, List<Egress> egress) {
        return new TenancyNeeds(workloadKinds, List.of(), List.of(), egress);
    }

    /**
     * Let the pods {@code from} selects open connections beyond the namespace: a server whose store
     * (Redis, a database, a bucket) lives outside it at an address the spec does not give; on
     * {@code ports} only, and never to the cloud metadata address.
     *
     * @param name the NetworkPolicy's name
     */
    public record Egress(String name, Map<String, String> from, List<Integer> ports) {

        public Egress {
            ports = List.copyOf(ports);
        }
    }

    /**
     * Let the ServiceAccount of {@code workloadKind} do {@code verbs} on {@code resources} of
     * {@code apiGroup} in the namespace (a Role and its RoleBinding, both named {@code name}).
     * In tenancy, beside the ServiceAccount, so the overlay puts the subject in its namespace.
     */
    public record Grant(String name, String workloadKind, String apiGroup, List<String> resources, List<String> verbs) {

        public Grant {
            resources = List.copyOf(resources);
            verbs = List.copyOf(verbs);
        }
    }

    /**
     * Let pods of the namespace (those {@code from} selects, or all), the ingress controller (with
     * {@code fromIngressController}) and pods of {@code fromNamespaces} reach the pods named
     * {@code target} on TCP ports.
     *
     * @param name the NetworkPolicy's name
     * @param ports the TCP ports; empty allows every port (the ranks of one distributed job)
     * @param from pod selectors of the namespace's pods let in; empty lets in every pod of the namespace
     * @param fromNamespaces other namespaces whose pods may connect (a scraper's, a data plane's)
     * @param fromNamespacePods whether an empty {@code from} lets in every pod of the namespace; false
     *                          only with {@code fromNamespaces} (a server behind an auth proxy, whose own
     *                          port only a scraper may reach)
     */
    public record Allow(String name, String target, List<Integer> ports, List<Map<String, String>> from,
                        boolean fromIngressController, List<String> fromNamespaces, boolean fromNamespacePods) {

        public Allow {
            ports = List.copyOf(ports);
            from = List.copyOf(from);
            fromNamespaces = List.copyOf(fromNamespaces);
            if (!fromNamespacePods && (!from.isEmpty() || fromIngressController || fromNamespaces.isEmpty())) {
                // an ingress rule with no peer at all would let everything in
                throw new IllegalArgumentException("an allow without the namespace's pods needs other namespaces only: " + name);
            }
        }

        public Allow(String name, String target, List<Integer> ports, List<Map<String, String>> from,
                     boolean fromIngressController, List<String> fromNamespaces) {
            this(name, target, ports, from, fromIngressController, fromNamespaces, true);
        }

        /** From pods of other namespaces only, none of this one. */
        public static Allow fromNamespacesOnly(String name, String target, int port, List<String> namespaces) {
            return new Allow(name, target, List.of(port), List.of(), false, namespaces, false);
        }

        /** On one port. */
        public Allow(String name, String target, int port, List<Map<String, String>> from,
                     boolean fromIngressController, List<String> fromNamespaces) {
            this(name, target, List.of(port), from, fromIngressController, fromNamespaces);
        }

        /** From every pod of the namespace. */
        public Allow(String name, String target, int port, boolean fromIngressController) {
            this(name, target, port, List.of(), fromIngressController, List.of());
        }

        /** From every pod of the namespace and of other namespaces. */
        public Allow(String name, String target, int port, boolean fromIngressController, List<String> fromNamespaces) {
            this(name, target, port, List.of(), fromIngressController, fromNamespaces);
        }

        /** From the selected pods of the namespace. */
        public Allow(String name, String target, int port, List<Map<String, String>> from, boolean fromIngressController) {
            this(name, target, port, from, fromIngressController, List.of());
        }
    }
}
