package dev.mlgitops.render;

import java.util.List;

/**
 * What a stage's workloads need from tenancy: the workload kinds that run pods (each gets a
 * ServiceAccount {@code <project>-<kind>}), the traffic the default-deny policy must let in, and
 * what the ServiceAccounts may do through the API.
 */
record TenancyNeeds(List<String> workloadKinds, List<Allow> allows, List<Grant> grants) {

    static final TenancyNeeds NONE = new TenancyNeeds(List.of(), List.of());

    TenancyNeeds {
        workloadKinds = List.copyOf(workloadKinds);
        allows = List.copyOf(allows);
        grants = List.copyOf(grants);
    }

    TenancyNeeds(List<String> workloadKinds, List<Allow> allows) {
        this(workloadKinds, allows, List.of());
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
     * Let pods of the namespace (and, with {@code fromIngressController}, the ingress controller,
     * and pods of {@code fromNamespaces}) reach the pods named {@code target} on a TCP port.
     *
     * @param name the NetworkPolicy's name
     * @param fromNamespaces other namespaces whose pods may connect (a scraper's, a data plane's)
     */
    public record Allow(String name, String target, int port, boolean fromIngressController,
                        List<String> fromNamespaces) {

        public Allow {
            fromNamespaces = List.copyOf(fromNamespaces);
        }

        public Allow(String name, String target, int port, boolean fromIngressController) {
            this(name, target, port, fromIngressController, List.of());
        }
    }
}
