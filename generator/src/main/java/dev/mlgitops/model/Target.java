package dev.mlgitops.model;

/**
 * Where one environment deploys: its place in promotion order, cluster and namespace.
 *
 * @param order 0 for the first environment in promotion order
 */
public record Target(String environment, int order, String cluster, String namespace, boolean autoSync) {

    /** Argo CD addresses a cluster by server URL or by its registered name. */
    public boolean clusterIsServerUrl() {
        return cluster.startsWith("https://");
    }
}
