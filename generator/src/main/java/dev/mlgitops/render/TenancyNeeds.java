package dev.mlgitops.render;

import java.util.List;
import java.util.Map;

/**
 * What a stage's workloads need from tenancy: the workload kinds that run pods (each gets a
 * ServiceAccount {@code <project>-<kind>}) and the traffic the default-deny policy must let in.
 */
record TenancyNeeds(List<String> workloadKinds, List<Allow> allows, List<Egress> egress) {

    static final TenancyNeeds NONE = new TenancyNeeds(List.of(), List.of());

    TenancyNeeds {
        workloadKinds = List.copyOf(workloadKinds);
        allows = List.copyOf(allows);
        egress = List.copyOf(egress);
    }

    /** Workloads that only talk inside the namespace. */
    TenancyNeeds(List<String> workloadKinds, List<Allow> allows) {
        this(workloadKinds, allows, List.of());
    }

    /**
     * Let the pods {@code from} selects open connections beyond the namespace: a server whose store
     * (Redis, a database, a bucket) lives outside it at an address the spec does not give.
     *
     * @param name the NetworkPolicy's name
     */
    public record Egress(String name, Map<String, String> from) {}

    /**
     * Let pods of the namespace (and, with {@code fromIngressController}, the ingress controller)
     * reach the pods named {@code target} on a TCP port.
     *
     * @param name the NetworkPolicy's name
     * @param from pod selectors of the namespace's pods let in; empty lets in every pod of the namespace
     */
    public record Allow(String name, String target, int port, List<Map<String, String>> from, boolean fromIngressController) {

        public Allow {
            from = List.copyOf(from);
        }

        /** From every pod of the namespace. */
        public Allow(String name, String target, int port, boolean fromIngressController) {
            this(name, target, port, List.of(), fromIngressController);
        }
    }
}
