package dev.mlgitops.function;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The NetworkPolicies of one namespace, evaluated as the API defines them: a connection passes
 * when the source's egress AND the destination's ingress allow it. A pod that no policy of a
 * direction selects is unrestricted in that direction; policies add up (any rule of any policy
 * that selects the pod may allow). A rule's peers: podSelector (pods of the policy's namespace),
 * namespaceSelector (all pods of matching namespaces), both in one peer (pods matching in matching
 * namespaces), ipBlock (addresses outside the cluster, minus its {@code except}); no peers allows
 * every peer. Ports: numbers or names (resolved on the destination pod), protocol TCP by default,
 * {@code endPort} ranges; no ports allows every port. Policies of other namespaces are not known:
 * pods there count as unrestricted.
 */
final class NetworkPolicies {

    /** A connection attempt: to a port (a number) with a protocol. */
    record Port(String protocol, int number) {
        static Port tcp(int number) {
            return new Port("TCP", number);
        }

        @Override
        public String toString() {
            return protocol + " " + number;
        }
    }

    /** A policy's spec with the directions it restricts, read once. */
    private record Policy(JsonNode spec, List<String> types) {}

    private final String namespace;
    private final List<Policy> policies = new ArrayList<>();
    private final Map<String, Map<String, String>> namespaceLabels;
    /**
     * The policies whose podSelector names a label pair, by one of those pairs (a pod must carry
     * them all, so carrying that one is necessary): a pod's candidates are those under its own
     * pairs plus the {@link #unindexed} ones, so finding a pod's policies does not scan every
     * policy of a namespace with thousands of them.
     */
    private final Map<String, List<Integer>> byLabel = new HashMap<>();
    private final List<Integer> unindexed = new ArrayList<>();
    /**
     * What {@link #selecting} found, by direction and then pod labels (maps equal by their pairs):
     * each pod asks for every connection it has.
     */
    private final Map<String, Map<Map<String, String>, List<JsonNode>>> selected = new HashMap<>();
    /** A namespace's labels as a peer's namespaceSelector sees them, by namespace: asked for every rule a connection meets. */
    private final Map<String, Map<String, String>> peerNamespaceLabels = new HashMap<>();
    /** {@link #inCidr}'s answers by CIDR and address: every probe of every pod meets the same ipBlocks. */
    private final Map<String, Boolean> cidrAnswers = new HashMap<>();

    /**
     * @param namespace       the namespace the policies live in
     * @param policies        the NetworkPolicy manifests
     * @param namespaceLabels the labels of namespaces known beyond their name (the environment's own)
     */
    NetworkPolicies(String namespace, List<JsonNode> policies, Map<String, Map<String, String>> namespaceLabels) {
        this.namespace = namespace;
        this.namespaceLabels = namespaceLabels;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            int index = this.policies.size();
            this.policies.add(new Policy(spec, types(spec)));
            var pairs = spec.path("podSelector").path("matchLabels").properties().iterator();
            if (pairs.hasNext()) {
                var pair = pairs.next();
                byLabel.computeIfAbsent(pair.getKey() + "=" + pair.getValue().asString(""), key -> new ArrayList<>()).add(index);
            } else {
                unindexed.add(index);
            }
        }
    }

    /** Why the connection is refused, or null when it passes. */
    String refusal(Peer from, Peer to, Port port) {
        boolean out = !from.isPod() || !from.namespace().equals(namespace) || allows("Egress", from, to, port);
        boolean in = !to.isPod() || !to.namespace().equals(namespace) || allows("Ingress", to, from, port);
        if (out && in) {
            return null;
        }
        if (!out && !in) {
            return "neither the source's egress nor the destination's ingress is allowed";
        }
        return out ? "the destination's ingress is not allowed" : "the source's egress is not allowed";
    }

    /** The policies of {@code direction} selecting {@code pod}: none leaves it unrestricted. */
    List<JsonNode> selecting(String direction, Peer pod) {
        Map<Map<String, String>, List<JsonNode>> byLabels = selected.computeIfAbsent(direction, key -> new HashMap<>());
        return byLabels.computeIfAbsent(pod.labels(), key -> {
            // in the policies' own order, as a scan of them all would find them
            TreeSet<Integer> candidates = new TreeSet<>(unindexed);
            pod.labels().forEach((label, value) -> candidates.addAll(byLabel.getOrDefault(label + "=" + value, List.of())));
            List<JsonNode> found = new ArrayList<>();
            for (int index : candidates) {
                Policy policy = policies.get(index);
                if (policy.types().contains(direction) && Selector.matches(policy.spec().path("podSelector"), pod.labels())) {
                    found.add(policy.spec());
                }
            }
            return List.copyOf(found);
        });
    }

    private boolean allows(String direction, Peer pod, Peer other, Port port) {
        List<JsonNode> selecting = selecting(direction, pod);
        if (selecting.isEmpty()) {
            return true;
        }
        String rules = direction.equals("Egress") ? "egress" : "ingress";
        String peers = direction.equals("Egress") ? "to" : "from";
        Peer destination = direction.equals("Egress") ? other : pod;
        for (JsonNode spec : selecting) {
            for (JsonNode rule : spec.path(rules)) {
                if (matchesPeers(rule.path(peers), other) && matchesPorts(rule.path("ports"), port, destination)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> types(JsonNode spec) {
        List<String> types = new ArrayList<>();
        if (spec.has("policyTypes")) {
            spec.path("policyTypes").forEach(type -> types.add(type.asString("")));
            return types;
        }
        // the API's default: Ingress always, Egress when the policy has egress rules
        types.add("Ingress");
        if (spec.has("egress")) {
            types.add("Egress");
        }
        return types;
    }

    private boolean matchesPeers(JsonNode peers, Peer other) {
        if (peers.isMissingNode() || peers.isNull() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (matchesPeer(peer, other)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesPeer(JsonNode peer, Peer other) {
        if (peer.has("ipBlock")) {
            return !other.isPod() && inBlock(peer.get("ipBlock"), other.address());
        }
        if (!other.isPod()) {
            return false;
        }
        boolean hasPods = peer.has("podSelector");
        boolean hasNamespaces = peer.has("namespaceSelector");
        boolean namespaceOk = hasNamespaces
                ? Selector.matches(peer.get("namespaceSelector"),
                        peerNamespaceLabels.computeIfAbsent(other.namespace(), key -> other.namespaceLabels(namespaceLabels)))
                : other.namespace().equals(namespace);
        boolean podOk = !hasPods || Selector.matches(peer.get("podSelector"), other.labels());
        return (hasPods || hasNamespaces) && namespaceOk && podOk;
    }

    private static boolean matchesPorts(JsonNode ports, Port port, Peer destination) {
        if (ports.isMissingNode() || ports.isNull() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode allowed : ports) {
            if (!allowed.path("protocol").asString("TCP").equals(port.protocol())) {
                continue;
            }
            JsonNode number = allowed.path("port");
            if (number.isMissingNode() || number.isNull()) {
                return true;
            }
            int from;
            if (number.isNumber()) {
                from = number.asInt();
            } else {
                Integer named = destination.ports().get(number.asString(""));
                if (named == null) {
                    continue;
                }
                from = named;
            }
            int to = allowed.has("endPort") ? allowed.get("endPort").asInt() : from;
            if (port.number() >= from && port.number() <= to) {
                return true;
            }
        }
        return false;
    }

    /** Whether an address lies in the block's CIDR and in none of its exceptions. */
    private boolean inBlock(JsonNode block, String address) {
        if (!inCidrOnce(block.path("cidr").asString(""), address)) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidrOnce(except.asString(""), address)) {
                return false;
            }
        }
        return true;
    }

    private boolean inCidrOnce(String cidr, String address) {
        return cidrAnswers.computeIfAbsent(cidr + " " + address, key -> inCidr(cidr, address));
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** An IP literal only: InetAddress would look any other text up in DNS. */
    private static boolean literal(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }

    static boolean inCidr(String cidr, String address) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        if (!literal(cidr.substring(0, slash)) || !literal(address)) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            byte[] host = InetAddress.getByName(address).getAddress();
            if (network.length != host.length) {
                return false;
            }
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            int width = network.length * 8;
            BigInteger mask = bits == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(width - bits);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, host).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
