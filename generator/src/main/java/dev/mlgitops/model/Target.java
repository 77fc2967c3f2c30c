package dev.mlgitops.model;

import java.util.Optional;

/**
 * Where one environment deploys: its place in promotion order, cluster and namespace.
 *
 * @param order 0 for the first environment in promotion order
 * @param cluster the one cluster; null when the environment runs on a {@code fleet}
 * @param tracksLatest {@code track: latest}: the environment follows the spec's artifacts on every run
 * @param fleet the clusters of an environment that runs on several; null for one cluster
 */
public record Target(String environment, int order, String cluster, String namespace, boolean autoSync,
                     boolean tracksLatest, Fleet fleet) {

    /** An environment on one cluster. */
    public Target(String environment, int order, String cluster, String namespace, boolean autoSync,
                  boolean tracksLatest) {
        this(environment, order, cluster, namespace, autoSync, tracksLatest, null);
    }

    /** An environment that keeps its pinned release until promoted (unless it is the first). */
    public Target(String environment, int order, String cluster, String namespace, boolean autoSync) {
        this(environment, order, cluster, namespace, autoSync, false);
    }

    /** The first environment, and any with {@code track: latest}, pins the spec's artifacts; the others keep theirs. */
    public boolean followsSpec() {
        return order == 0 || tracksLatest;
    }

    /** Argo CD addresses a cluster by server URL or by its registered name. */
    public boolean clusterIsServerUrl() {
        return cluster != null && cluster.startsWith("https://");
    }

    /** The clusters of an environment that runs on several; empty for one cluster. */
    public Optional<Fleet> fleetOf() {
        return Optional.ofNullable(fleet);
    }
}
