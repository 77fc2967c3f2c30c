package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.render.Engine;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.ReferenceProject;
import dev.mlgitops.render.Rendering;
import dev.mlgitops.render.RuntimeContract;
import dev.mlgitops.render.RuntimeContract.Connection;
import dev.mlgitops.render.RuntimeContract.PeerKind;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The NetworkPolicies tenancy renders and the paths the function step proves are held to the
 * same declarations, the engines' {@link RuntimeContract} connections, so the two cannot drift:
 * every rule of a generated NetworkPolicy is a connection the engine of the pods it selects (or
 * of the pods it lets in or out) declares, and every connection the engines of the reference
 * declare is one the function step finds wired in the objects and proves.
 */
class DeclaredConnectionsTest {

    /** Tenancy's rules for every pod: deny by default, cluster DNS, and egress within the namespace (the ingress side decides). */
    private static final Set<String> BASELINE = Set.of("default-deny", "allow-dns", "allow-namespace-egress");

    @Test
    void everyGeneratedNetworkPolicyRuleIsAConnectionAnEngineDeclares() {
        List<String> rules = new ArrayList<>();
        List<String> undeclared = new ArrayList<>();
        for (ResolvedEnvironment environment : environments()) {
            Rendering rendering = Rendering.of(environment);
            assertThat(rendering.errors()).isEmpty();
            new Rules(environment.spec().cluster(), rendering.objects()).check(rules, undeclared);
        }

        assertThat(rules).as("the rules walked").contains(
                "fraud-detection-scorer-allow-knative: from NAMESPACE knative-serving on 8022",
                "fraud-detection-distributed-allow-ranks: from SAME_WORKLOAD on any port",
                "fraud-detection-training-to-mlflow: from STAGE training on 5000",
                "fraud-detection-nightly-to-apiserver: to EXTERNAL on 6443");
        assertThat(undeclared).isEmpty();
    }

    @Test
    void everyDeclaredConnectionOfTheReferencesEnginesIsOneTheFunctionStepProves() {
        ResolvedEnvironment environment = ReferenceProject.prod();
        List<TypedObject> objects = Rendering.of(environment).objects();
        List<Workloads.Workload> workloads = Workloads.of(objects);
        Set<Reachability.Connection> proven = new Reachability(environment, ReferenceProject.PROD.namespace(), objects,
                workloads).connections();
        Spec.Cluster cluster = environment.spec().cluster();
        List<String> checked = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        for (Engine engine : used(workloads)) {
            Set<Map<String, String>> own = labelsOf(workloads, engine);
            for (boolean opens : List.of(true, false)) {
                for (Connection declared : opens ? engine.contract().opens() : engine.contract().accepts()) {
                    if (!provable(declared)) {
                        continue;
                    }
                    String name = engine.folder() + (opens ? " opens " : " accepts ") + describe(declared);
                    checked.add(name);
                    // seen from the engine's pods: their end is the source of what they open, the destination of what they accept
                    if (proven.stream().noneMatch(c -> own.contains((opens ? c.from() : c.to()).labels())
                            && reaches(opens ? c.to() : c.from(), declared, cluster, workloads, own)
                            && ports(declared, c.port().number()))) {
                        unproven.add(name);
                    }
                }
            }
        }

        assertThat(checked).contains("serving/kserve accepts NAMESPACE knative-serving on 9090",
                "serving/kserve accepts NAMESPACE spec.cluster.knative.namespace on 8012",
                "training/pytorchjob opens SAME_WORKLOAD on any port",
                "training/argo-workflows opens STAGE model-registry on 5000",
                "model-registry/mlflow accepts STAGE training on 5000");
        assertThat(unproven).isEmpty();
    }

    /**
     * A connection the objects wire, so the function step can find it: always, or on a section of the
     * spec the reference has (spec.modelRegistry), not on a condition of one item (ingress, a
     * scheme); nor any client of the namespace (no object names them).
     */
    private static boolean provable(Connection connection) {
        String when = connection.when();
        boolean met = when.isEmpty() || when.matches("spec\\.[a-zA-Z]+") && REFERENCE.path("spec").has(when.substring(5));
        return met && connection.peer() != PeerKind.NAMESPACE_PODS;
    }

    private static final JsonNode REFERENCE = KubeYaml.mapper().readTree(ReferenceProject.FILE.toFile());

    private static boolean ports(Connection declared, int port) {
        return declared.port() == 0 || declared.port() == port;
    }

    /** Whether {@code peer} is the other end the declaration names. */
    private static boolean reaches(Peer peer, Connection declared, Spec.Cluster cluster, List<Workloads.Workload> workloads,
                                   Set<Map<String, String>> own) {
        return switch (declared.peer()) {
            case EXTERNAL -> !peer.isPod();
            case SAME_WORKLOAD -> own.contains(peer.labels());
            case STAGE -> peer.isPod() && workloads.stream().filter(w -> w.object().stage().folder().equals(declared.name()))
                    .flatMap(w -> w.groups().stream()).anyMatch(g -> g.labels().equals(peer.labels()));
            case NAMESPACE -> peer.isPod() && peer.namespace().equals(namespace(declared.name(), cluster))
                    && peer.labels().entrySet().containsAll(declared.pods().entrySet());
            case INGRESS_CONTROLLER -> peer.isPod() && peer.namespace().equals(cluster.ingress().namespace());
            case NAMESPACE_PODS -> peer.isPod();
        };
    }

    /** A namespace as a contract names it: itself, or the spec.cluster fact that gives it. */
    static String namespace(String name, Spec.Cluster cluster) {
        return switch (name) {
            case "spec.cluster.knative.namespace" -> cluster.knative().namespace();
            case "spec.cluster.monitoring.namespace" -> cluster.monitoring().namespace();
            case "spec.cluster.ingress.namespace" -> cluster.ingress().namespace();
            default -> name;
        };
    }

    private static String describe(Connection connection) {
        return connection.peer() + (connection.name().isEmpty() ? "" : " " + connection.name())
                + (connection.port() == 0 ? " on any port" : " on " + connection.port());
    }

    private static List<Engine> used(List<Workloads.Workload> workloads) {
        Set<Engine> engines = new LinkedHashSet<>();
        workloads.forEach(w -> engines.add(Engines.emitting(w.object().blueprint()).orElseThrow()));
        return List.copyOf(engines);
    }

    private static Set<Map<String, String>> labelsOf(List<Workloads.Workload> workloads, Engine engine) {
        Set<Map<String, String>> labels = new LinkedHashSet<>();
        workloads.stream().filter(w -> Engines.emitting(w.object().blueprint()).orElseThrow() == engine)
                .forEach(w -> w.groups().forEach(g -> labels.add(g.labels())));
        return labels;
    }

    /** Prod with every item (notebooks too), and a variant with kubernetes-job and a scheduled pytorchjob. */
    private static List<ResolvedEnvironment> environments() {
        return List.of(ReferenceProject.prod(), ReferenceProject.edited(spec -> {
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            nightly.remove("schedule");
            ((ObjectNode) spec.at("/training/distributed")).put("schedule", "0 3 * * 0");
            return spec;
        }));
    }

    /** The rules of one environment's NetworkPolicies, each matched to a declaration. */
    private static final class Rules {

        private final Spec.Cluster cluster;
        private final List<TypedObject> objects;
        private final List<Workloads.Workload> workloads;

        Rules(Spec.Cluster cluster, List<TypedObject> objects) {
            this.cluster = cluster;
            this.objects = objects;
            this.workloads = Workloads.of(objects);
        }

        void check(List<String> rules, List<String> undeclared) {
            for (TypedObject object : objects) {
                if (!object.key().kind().equals("NetworkPolicy")) {
                    continue;
                }
                String name = object.key().name();
                JsonNode spec = object.manifest().path("spec");
                List<Workloads.Workload> selected = selected(spec.path("podSelector"));
                if (BASELINE.stream().anyMatch(name::endsWith)) {
                    assertThat(spec.path("podSelector").isEmpty()).as(name + " selects every pod").isTrue();
                    continue;
                }
                if (selected.isEmpty()) {
                    undeclared.add(name + ": selects no pod of the environment");
                    continue;
                }
                for (JsonNode rule : spec.path("ingress")) {
                    for (Peered peered : peers(rule.path("from"), selected)) {
                        for (int port : ports(rule, selected)) {
                            String text = name + ": from " + peered.describe() + (port == 0 ? " on any port" : " on " + port);
                            rules.add(text);
                            if (!declaredIn(selected, peered, port, true) && !declaredBy(peered.workloads(), selected, port, false)) {
                                undeclared.add(text);
                            }
                        }
                    }
                }
                for (JsonNode rule : spec.path("egress")) {
                    for (Peered peered : peers(rule.path("to"), selected)) {
                        for (int port : ports(rule, peered.workloads())) {
                            String text = name + ": to " + peered.describe() + (port == 0 ? " on any port" : " on " + port);
                            rules.add(text);
                            if (!declaredIn(selected, peered, port, false) && !declaredBy(peered.workloads(), selected, port, true)) {
                                undeclared.add(text);
                            }
                        }
                    }
                }
            }
        }

        /** Whether an engine of the selected pods declares the rule (accepts for ingress, opens for egress). */
        private boolean declaredIn(List<Workloads.Workload> selected, Peered peered, int port, boolean ingress) {
            for (Workloads.Workload workload : selected) {
                RuntimeContract contract = engine(workload).contract();
                for (Connection declared : ingress ? contract.accepts() : contract.opens()) {
                    if (declared.peer() == peered.kind() && (declared.port() == 0 || declared.port() == port)
                            && names(declared, peered, workload)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether the engine at the other end declares it, seen from there (opens for ingress, accepts for egress). */
        private boolean declaredBy(List<Workloads.Workload> others, List<Workloads.Workload> selected, int port, boolean accepts) {
            for (Workloads.Workload other : others) {
                RuntimeContract contract = engine(other).contract();
                for (Connection declared : accepts ? contract.accepts() : contract.opens()) {
                    boolean names = declared.peer() == PeerKind.STAGE && selected.stream()
                            .anyMatch(w -> w.object().stage().folder().equals(declared.name()));
                    if (names && (declared.port() == 0 || declared.port() == port)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean names(Connection declared, Peered peered, Workloads.Workload workload) {
            return switch (declared.peer()) {
                case NAMESPACE -> namespace(declared.name(), cluster).equals(peered.name());
                case STAGE -> declared.name().equals(peered.name());
                case SAME_WORKLOAD -> peered.workloads().equals(List.of(workload));
                default -> true;
            };
        }

        /** The peers of a rule's from or to list; none listed is everything, outside the cluster included. */
        private Set<Peered> peers(JsonNode list, List<Workloads.Workload> selected) {
            Set<Peered> peers = new LinkedHashSet<>();
            for (JsonNode peer : list) {
                if (peer.has("ipBlock")) {
                    peers.add(new Peered(PeerKind.EXTERNAL, "", List.of()));
                } else if (peer.has("namespaceSelector")) {
                    String namespace = peer.path("namespaceSelector").path("matchLabels")
                            .path("kubernetes.io/metadata.name").asString("");
                    peers.add(new Peered(namespace.equals(cluster.ingress().namespace()) ? PeerKind.INGRESS_CONTROLLER
                            : PeerKind.NAMESPACE, namespace, List.of()));
                } else if (peer.path("podSelector").isEmpty()) {
                    peers.add(new Peered(PeerKind.NAMESPACE_PODS, "", List.of()));
                } else {
                    List<Workloads.Workload> matched = selected(peer.path("podSelector"));
                    if (!matched.isEmpty() && matched.equals(selected)) {
                        peers.add(new Peered(PeerKind.SAME_WORKLOAD, "", matched));
                    } else {
                        Set<Stage> stages = new LinkedHashSet<>();
                        matched.forEach(w -> stages.add(w.object().stage()));
                        stages.forEach(stage -> peers.add(new Peered(PeerKind.STAGE, stage.folder(),
                                matched.stream().filter(w -> w.object().stage() == stage).toList())));
                    }
                }
            }
            if (list.isEmpty() || list.isMissingNode()) {
                peers.add(new Peered(PeerKind.EXTERNAL, "", List.of()));
            }
            return peers;
        }

        /** A rule's TCP ports as numbers (named ones resolved in the pods at the far end); 0 for every port. */
        private List<Integer> ports(JsonNode rule, List<Workloads.Workload> pods) {
            List<Integer> ports = new ArrayList<>();
            for (JsonNode port : rule.path("ports")) {
                if (port.path("port").isNumber()) {
                    ports.add(port.path("port").asInt());
                } else {
                    String name = port.path("port").asString("");
                    pods.forEach(w -> w.groups().forEach(g -> {
                        Integer number = g.namedPorts().get(name);
                        if (number != null && !ports.contains(number)) {
                            ports.add(number);
                        }
                    }));
                }
            }
            return ports.isEmpty() ? List.of(0) : ports;
        }

        private List<Workloads.Workload> selected(JsonNode selector) {
            Map<String, String> wanted = new TreeMap<>();
            selector.path("matchLabels").properties().forEach(e -> wanted.put(e.getKey(), e.getValue().asString("")));
            return workloads.stream().filter(w -> w.groups().stream()
                    .anyMatch(g -> g.labels().entrySet().containsAll(wanted.entrySet()))).toList();
        }

        private static Engine engine(Workloads.Workload workload) {
            return Engines.emitting(workload.object().blueprint()).orElseThrow();
        }
    }

    /** The other end of a rule: what kind of peer, its name (a namespace, a stage), and the workloads it selects. */
    private record Peered(PeerKind kind, String name, List<Workloads.Workload> workloads) {

        String describe() {
            return kind + (name.isEmpty() ? "" : " " + name);
        }
    }
}
