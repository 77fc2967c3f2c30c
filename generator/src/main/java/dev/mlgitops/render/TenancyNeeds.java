package dev.mlgitops.render;

import java.util.List;

/**
 * What a stage's workloads need from tenancy: the workload kinds that run pods (each gets a
 * ServiceAccount {@code <project>-<kind>}) and the traffic the default-deny policy must let in.
 */
record TenancyNeeds(List<String> workloadKinds, List<Allow> allows) {

    static final TenancyNeeds NONE = new TenancyNeeds(List.of(), List.of());

    TenancyNeeds {
        workloadKinds = List.copyOf(workloadKinds);
        allows = List.copyOf(allows);
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
