package dev.mlgitops.function;

import java.util.Map;
import java.util.TreeMap;

/**
 * One end of a connection: a pod (in the environment's namespace or another, with its labels and
 * named ports) or an address outside the cluster.
 *
 * @param namespace the pod's namespace; empty for an address outside the cluster
 * @param labels    the pod's labels
 * @param ports     the pod's named container ports
 * @param address   the IP address of an endpoint outside the cluster; empty for a pod
 */
record Peer(String namespace, Map<String, String> labels, Map<String, Integer> ports, String address) {

    static Peer cluster(String namespace, Map<String, String> labels) {
        return new Peer(namespace, labels, Map.of(), "");
    }

    static Peer external(String address) {
        return new Peer("", Map.of(), Map.of(), address);
    }

    boolean isPod() {
        return address.isEmpty();
    }

    /** The labels of the pod's namespace: every namespace carries its name as kubernetes.io/metadata.name. */
    Map<String, String> namespaceLabels(Map<String, Map<String, String>> known) {
        Map<String, String> labels = new TreeMap<>(known.getOrDefault(namespace, Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }
}
