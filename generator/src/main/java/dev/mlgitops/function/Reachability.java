package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.RunInputs;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.function.NetworkPolicies.Port;
import dev.mlgitops.function.Workloads.PodGroup;
import dev.mlgitops.function.Workloads.Workload;
import dev.mlgitops.render.Engine;
import dev.mlgitops.render.Engines;
import dev.mlgitops.render.RuntimeContract;
import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.JsonNode;

/**
 * Finds the connections the objects wire up and checks each against the NetworkPolicies among
 * them: addresses handed to a container as env values, ServiceMonitor endpoints (from the
 * monitoring namespace), Ingress backends (from the ingress controller's), Knative's paths into a
 * KServe predictor, the predictor's model download, a store's address in a Secret the pod reads,
 * DNS, and the ranks of one distributed job to each other. With restricted networking it also
 * probes for more than that: the cloud metadata address, other ports outside, other namespaces.
 */
final class Reachability {

    /** {@code http://name:port/...}, {@code name.ns.svc.cluster.local:port}, {@code name:port}. */
    private static final Pattern ADDRESS = Pattern.compile(
            "^(?:([a-z][a-z0-9+.-]*)://)?([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)(?:\\.([a-z0-9-]+)(?:\\.svc(?:\\.[a-z0-9.-]+)?)?)?(?::(\\d{1,5}))?(?:/.*)?$");

    /** An address outside the cluster standing for an object store, a database or Redis (TEST-NET-3). */
    static final String STORE_ADDRESS = "203.0.113.10";

    /** HTTPS: S3, GCS and Azure Blob endpoints, and https:// model URIs. */
    private static final int HTTPS = 443;

    /** Redis's default port, for the online store and an explainer given its secret. */
    private static final int REDIS = 6379;

    /**
     * Ports standing for "any port" where a contract declares ephemeral ones (port 0): NCCL and Gloo
     * between the ranks of one job; 29500 is torchrun's default, 45000 one of the ephemeral range.
     */
    private static final List<Integer> ANY_PORT = List.of(29500, 45000);

    /**
     * The ports by name of the Services operators make for the engines' pods (Knative's revision
     * Services), as the contracts declare them: a ServiceMonitor may name them.
     */
    private static final Map<String, Integer> OPERATOR_SERVICE_PORTS = operatorServicePorts();

    private static Map<String, Integer> operatorServicePorts() {
        Map<String, Integer> ports = new TreeMap<>();
        Engines.all().forEach(engine -> engine.contract().servicePorts().forEach(ports::putIfAbsent));
        return ports;
    }

    /** How a contract names the namespace of Knative's networking layer: by the spec.cluster fact giving it. */
    private static final String GATEWAY_NAMESPACE = "spec.cluster.knative.namespace";

    /** The contract of the engine that rendered the workload; none when no engine did. */
    private static RuntimeContract contract(Workload workload) {
        return Engines.emitting(workload.object().blueprint()).map(Engine::contract).orElse(RuntimeContract.NONE);
    }

    /** The container name of the oauth2-proxy in front of a server (render's AuthProxy). */
    static final String AUTH_PROXY = "auth-proxy";
    private static final Peer STRANGER = Peer.cluster("default", Map.of("app", "anything"));

    /** One connection the objects need. */
    record Connection(Peer from, Peer to, Port port, String what, String pointer) {}

    private final ResolvedEnvironment environment;
    private final String namespace;
    private final List<TypedObject> objects;
    private final List<Workload> workloads;
    private final NetworkPolicies policies;
    /** The cluster's components in the namespaces the environment's spec.cluster names. */
    private final Peer prometheus;
    private final Peer ingressController;
    private final Peer gateway;
    /** The Services by name (the first of a name) and by label, and every pod group by label: found without scans. */
    private final Map<String, TypedObject> servicesByName = new HashMap<>();
    private final LabelIndex<TypedObject> servicesByLabel = new LabelIndex<>();
    private final LabelIndex<GroupOf> groupsByLabel = new LabelIndex<>();
    /** Each pod group as a peer, made once: its named ports are read from its containers. */
    private final Map<PodGroup, Peer> pods = new IdentityHashMap<>();

    /** A pod group with the workload it belongs to. */
    private record GroupOf(Workload workload, PodGroup group) {}

    Reachability(ResolvedEnvironment environment, String namespace, List<TypedObject> objects, List<Workload> workloads) {
        this.environment = environment;
        this.namespace = namespace;
        this.objects = objects;
        this.workloads = workloads;
        Spec.Cluster cluster = environment.spec().cluster();
        this.prometheus = Peer.cluster(cluster.monitoring().namespace(), Map.of("app.kubernetes.io/name", "prometheus"));
        this.ingressController = Peer.cluster(cluster.ingress().namespace(),
                Map.of("app.kubernetes.io/name", "ingress-nginx"));
        this.gateway = Peer.cluster(cluster.knative().namespace(),
                ClusterServices.GATEWAY_LABELS.getOrDefault(cluster.knative().networking(), Map.of()));
        Map<String, Map<String, String>> namespaceLabels = new TreeMap<>();
        List<JsonNode> found = new ArrayList<>();
        for (TypedObject object : objects) {
            if (object.key().kind().equals("NetworkPolicy")) {
                found.add(object.manifest());
            } else if (object.key().kind().equals("Namespace")) {
                namespaceLabels.put(object.key().name(), labels(object.manifest().path("metadata").path("labels")));
            } else if (object.key().kind().equals("Service")) {
                servicesByName.putIfAbsent(object.key().name(), object);
                servicesByLabel.add(object, labels(object.manifest().path("metadata").path("labels")));
            }
        }
        this.policies = new NetworkPolicies(namespace, found, namespaceLabels);
        for (Workload workload : workloads) {
            for (PodGroup group : workload.groups()) {
                groupsByLabel.add(new GroupOf(workload, group), group.labels());
            }
        }
    }

    void check(List<Finding> findings) {
        proxiedPorts(findings);
        for (Connection connection : connections()) {
            String refusal = policies.refusal(connection.from(), connection.to(), connection.port());
            if (refusal != null) {
                findings.add(environment.locator().finding(Code.FUNCTION_UNREACHABLE, connection.pointer(),
                        Code.FUNCTION_UNREACHABLE.message(connection.what(), connection.port(), refusal)));
            }
        }
        if (environment.spec().tenancy() == null || environment.spec().tenancy().restricted()) {
            probeForMore(findings);
        }
    }

    /** Every connection the objects wire up, in a stable order, once each. */
    Set<Connection> connections() {
        Set<Connection> all = new LinkedHashSet<>();
        for (Workload workload : workloads) {
            for (PodGroup group : workload.groups()) {
                Peer pod = pod(group);
                String who = who(workload);
                all.add(new Connection(pod, ClusterServices.KUBE_DNS, new Port("UDP", 53), who + " to cluster DNS",
                        workload.object().source()));
                envAddresses(workload, group, pod, all);
                storeSecrets(workload, group, pod, all);
                datasets(workload, group, pod, all);
                specStores(workload, pod, all);
                identity(workload, group, pod, all);
            }
            ranks(workload, all);
            knative(workload, all);
            apiServer(workload, all);
        }
        for (TypedObject object : objects) {
            switch (object.key().kind()) {
                case "ServiceMonitor" -> serviceMonitor(object, all);
                case "Ingress" -> ingress(object, all);
                default -> {
                    // wires no connection
                }
            }
        }
        return all;
    }

    private void envAddresses(Workload workload, PodGroup group, Peer pod, Set<Connection> all) {
        for (Workloads.Container container : group.containers()) {
            String registered = registeredModel(container);
            for (JsonNode env : container.node().path("env")) {
                Addressed addressed = addressed(env.path("value").asString(""));
                if (addressed == null) {
                    continue;
                }
                String what = who(workload) + " to Service " + addressed.service().key().name() + " (env "
                        + env.path("name").asString("") + ")";
                String pointer = workload.object().source();
                if (registered != null) {
                    // a registered model's fetch: the pod cannot start without it
                    what = who(workload) + ": init container " + container.name() + " fetching " + registered
                            + " from Service " + addressed.service().key().name() + " (env " + env.path("name").asString("") + ")";
                    pointer = pointer + "/model/registered";
                }
                toService(pod, addressed.service(), addressed.port(), null, what, pointer, all);
            }
        }
    }

    /** The registry reference an init container fetches ({@value Spec.Registered#URI_ENV}), or null. */
    private static String registeredModel(Workloads.Container container) {
        if (!container.init()) {
            return null;
        }
        for (JsonNode env : container.node().path("env")) {
            if (env.path("name").asString("").equals(Spec.Registered.URI_ENV)) {
                return env.path("value").asString(null);
            }
        }
        return null;
    }

    /** A Service of the namespace at an address, and the port the address names. */
    private record Addressed(TypedObject service, int port) {}

    /** The Service of the namespace an address ({@code http://name:port/...}) names; null for anything else. */
    private Addressed addressed(String value) {
        Matcher address = ADDRESS.matcher(value);
        if (value.isEmpty() || !address.matches() || address.group(3) != null && !address.group(3).equals(namespace)) {
            return null;
        }
        TypedObject service = service(address.group(2));
        if (service == null) {
            return null;
        }
        int port = address.group(4) != null ? Integer.parseInt(address.group(4))
                : "https".equals(address.group(1)) ? HTTPS : 80;
        return new Addressed(service, port);
    }

    /**
     * A store whose address sits in a Secret, for any pod that reads its Secret: the online store's
     * Redis, and the model registry's database (on the port its backendStore declares, the URI
     * being secret).
     */
    private void storeSecrets(Workload workload, PodGroup group, Peer pod, Set<Connection> all) {
        Spec.FeatureStore store = environment.spec().featureStore();
        if (store != null && store.onlineStore() != null && "redis".equals(store.onlineStore().type())
                && store.onlineStore().secret() != null) {
            storeSecret(workload, group, pod, secretName(store.onlineStore().secret()), List.of(REDIS),
                    "the online store's Redis", "", all);
        }
        Spec.ModelRegistry registry = environment.spec().modelRegistry();
        if (registry != null && registry.backendStore() != null) {
            storeSecret(workload, group, pod, secretName(registry.backendStore().secret()), registry.backendStore().ports(),
                    "the model registry's database", "/modelRegistry/backendStore", all);
        }
    }

    private void storeSecret(Workload workload, PodGroup group, Peer pod, String secret, List<Integer> ports, String what,
                             String pointer, Set<Connection> all) {
        for (Workloads.Container container : group.containers()) {
            boolean reads = false;
            for (JsonNode env : container.node().path("env")) {
                reads |= secret.equals(env.path("valueFrom").path("secretKeyRef").path("name").asString(""));
            }
            for (JsonNode from : container.node().path("envFrom")) {
                reads |= secret.equals(from.path("secretRef").path("name").asString(""));
            }
            if (reads) {
                for (int port : ports) {
                    all.add(new Connection(pod, Peer.external(STORE_ADDRESS), Port.tcp(port),
                            who(workload) + " to " + what + " (Secret " + secret + ")",
                            pointer.isEmpty() ? workload.object().source() : pointer));
                }
            }
        }
    }

    /**
     * The stores a server's own spec section names by URI: the feature store's registry (its server
     * and materialization read it) and the model registry's artifact root (its server serves the
     * artifacts), on their schemes' ports.
     */
    private void specStores(Workload workload, Peer pod, Set<Connection> all) {
        Spec.FeatureStore store = environment.spec().featureStore();
        Spec.ModelRegistry registry = environment.spec().modelRegistry();
        if (workload.object().stage() == Stage.FEATURE_STORE && store != null && store.registry() != null) {
            specStore(workload, pod, store.registry(), "the feature store's registry", "/featureStore/registry", all);
        }
        if (workload.object().stage() == Stage.MODEL_REGISTRY && !workload.batch() && registry != null
                && registry.artifactRoot() != null) {
            specStore(workload, pod, registry.artifactRoot(), "the model registry's artifact root",
                    "/modelRegistry/artifactRoot", all);
        }
    }

    private static void specStore(Workload workload, Peer pod, String uri, String what, String pointer, Set<Connection> all) {
        RunInputs.storePort(uri).ifPresent(port -> all.add(new Connection(pod, Peer.external(STORE_ADDRESS), Port.tcp(port),
                who(workload) + " to " + what + " (" + RunInputs.scheme(uri) + ")", pointer)));
    }

    /** An auth-proxy signs users in at the identity provider its {@code --oidc-issuer-url} names. */
    private void identity(Workload workload, PodGroup group, Peer pod, Set<Connection> all) {
        for (Workloads.Container container : group.containers()) {
            if (!container.name().equals(AUTH_PROXY)) {
                continue;
            }
            for (JsonNode arg : container.node().path("args")) {
                String text = arg.asString("");
                if (text.startsWith(ISSUER_FLAG)) {
                    RunInputs.storePort(text.substring(ISSUER_FLAG.length())).ifPresent(port -> all.add(new Connection(pod,
                            Peer.external(STORE_ADDRESS), Port.tcp(port), "the auth-proxy of " + who(workload)
                            + " to the identity provider", "/identity/issuer")));
                }
            }
        }
    }

    /** oauth2-proxy's flag naming the OpenID Connect issuer. */
    private static final String ISSUER_FLAG = "--oidc-issuer-url=";

    /** A dataset's store, for any container given the dataset's URI ({@code MLGITOPS_DATASET_<NAME>_URI}). */
    private void datasets(Workload workload, PodGroup group, Peer pod, Set<Connection> all) {
        for (Workloads.Container container : group.containers()) {
            for (JsonNode env : container.node().path("env")) {
                String variable = env.path("name").asString("");
                environment.spec().datasets().forEach((name, dataset) -> {
                    if (dataset != null && variable.equals(RunInputs.key(name, RunInputs.URI))) {
                        RunInputs.storePort(dataset.uri()).ifPresent(port -> all.add(new Connection(pod,
                                Peer.external(STORE_ADDRESS), Port.tcp(port), who(workload) + " to dataset "
                                + name + " (" + RunInputs.scheme(dataset.uri()) + ")", "/datasets/" + name + "/uri")));
                    }
                });
            }
        }
    }

    /** The pods of one job to each other on the ports their engine's contract declares between them. */
    private void ranks(Workload workload, Set<Connection> all) {
        if (!workload.object().key().kind().equals("PyTorchJob")) {
            return;
        }
        Set<Integer> ports = new LinkedHashSet<>();
        for (RuntimeContract.Connection declared : contract(workload).opens()) {
            if (declared.peer() == RuntimeContract.PeerKind.SAME_WORKLOAD) {
                if (declared.port() == 0) {
                    ports.addAll(ANY_PORT);
                } else {
                    ports.add(declared.port());
                }
            }
        }
        for (PodGroup from : workload.groups()) {
            for (PodGroup to : workload.groups()) {
                for (int port : ports) {
                    all.add(new Connection(pod(from), pod(to), Port.tcp(port),
                            who(workload) + ": " + from.role() + " to " + to.role() + " (ranks of one job)",
                            workload.object().source()));
                }
            }
        }
    }

    /** Argo Workflows' wait container of every step pod reports the step's result through the API server. */
    private void apiServer(Workload workload, Set<Connection> all) {
        if (!workload.object().key().kind().equals("WorkflowTemplate")) {
            return;
        }
        for (PodGroup group : workload.groups()) {
            for (int port : ClusterServices.APISERVER_PORTS) {
                all.add(new Connection(pod(group), Peer.external(ClusterServices.APISERVER_ADDRESS), Port.tcp(port),
                        "Argo Workflows' wait container of " + who(workload) + " (" + group.role()
                                + ") to the Kubernetes API server", workload.object().source()));
            }
        }
    }

    /**
     * The paths into a KServe predictor that Knative opens from its own namespaces: what the engine's
     * contract says its pods accept from pods of other namespaces (the activator, the networking
     * layer's gateway, the autoscaler), always, not on a spec condition (Prometheus's scrape is the
     * ServiceMonitor's, evaluated from the object).
     */
    private void knative(Workload workload, Set<Connection> all) {
        if (!workload.object().key().kind().equals("InferenceService")) {
            return;
        }
        String source = workload.object().source();
        List<RuntimeContract.Connection> accepted = contract(workload).accepts().stream()
                .filter(c -> c.peer() == RuntimeContract.PeerKind.NAMESPACE && c.when().isEmpty()).toList();
        for (PodGroup group : workload.groups()) {
            Peer pod = pod(group);
            String who = who(workload);
            for (RuntimeContract.Connection connection : accepted) {
                // a namespace the contract names by its spec.cluster fact is the networking layer's, whose gateway pods are known
                Peer from = connection.name().equals(GATEWAY_NAMESPACE) ? gateway
                        : Peer.cluster(connection.name(), connection.pods());
                all.add(new Connection(from, pod, Port.tcp(connection.port()), connection.purpose() + " to " + who, source));
            }
            logger(group, pod, who, source, all);
            String uri = group.pod().path("model").path("storageUri").asString("");
            if (uri.matches("^(s3|gs|https|az|hf)://.*")) {
                all.add(new Connection(pod, Peer.external(STORE_ADDRESS), Port.tcp(HTTPS),
                        "the storage-initializer of " + who + " to the model store (" + uri.substring(0, uri.indexOf(':'))
                                + ")", source + "/model/storageUri"));
            }
        }
    }

    /**
     * KServe's agent in the predictor posts every logged request and response to {@code logger.url}:
     * to a Service of the namespace, the connection is the model quality item's (its logging).
     */
    private void logger(PodGroup group, Peer pod, String who, String source, Set<Connection> all) {
        Addressed addressed = addressed(group.pod().path("logger").path("url").asString(""));
        if (addressed == null) {
            return;
        }
        String model = source.startsWith("/serving/") ? source.substring("/serving/".length()) : "";
        boolean watched = environment.spec().monitoring() != null && !model.isEmpty()
                && environment.spec().monitoring().quality().containsKey(model);
        toService(pod, addressed.service(), addressed.port(), null, "KServe's logger of " + who + " to Service "
                + addressed.service().key().name(),
                watched ? "/monitoring/quality/" + model + "/logging" : source, all);
    }

    private void serviceMonitor(TypedObject monitor, Set<Connection> all) {
        JsonNode selector = monitor.manifest().path("spec").path("selector");
        String source = monitor.source().isEmpty() ? "/monitoring" : monitor.source();
        for (JsonNode endpoint : monitor.manifest().path("spec").path("endpoints")) {
            String portName = endpoint.path("port").asString("");
            List<TypedObject> services = servicesByLabel.selectedBy(selector);
            for (TypedObject service : services) {
                toService(prometheus, service, -1, portName, "Prometheus to Service " + service.key().name()
                        + " (ServiceMonitor " + monitor.key().name() + ")", source, all);
            }
            // Knative makes the Service of a KServe predictor: its ports are known by name
            Integer port = OPERATOR_SERVICE_PORTS.get(portName);
            if (services.isEmpty() && port != null) {
                for (GroupOf selected : groupsByLabel.selectedBy(selector)) {
                    all.add(new Connection(prometheus, pod(selected.group()), Port.tcp(port), "Prometheus to "
                            + who(selected.workload()) + " (ServiceMonitor " + monitor.key().name() + ")", source));
                }
            }
        }
    }

    private void ingress(TypedObject ingress, Set<Connection> all) {
        for (JsonNode rule : ingress.manifest().path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                TypedObject service = service(backend.path("name").asString(""));
                if (service != null) {
                    int number = backend.path("port").path("number").asInt(-1);
                    String name = backend.path("port").has("name") ? backend.path("port").path("name").asString("") : null;
                    toService(ingressController, service, number, name, "the ingress controller to Service "
                            + service.key().name() + " (Ingress " + ingress.key().name() + ")", ingress.source(), all);
                }
            }
        }
    }

    /** A connection to the pods behind a Service's port (by number or name), on its target port. */
    private void toService(Peer from, TypedObject service, int port, String portName, String what, String pointer,
                           Set<Connection> all) {
        JsonNode spec = service.manifest().path("spec");
        for (JsonNode servicePort : spec.path("ports")) {
            boolean match = portName != null ? portName.equals(servicePort.path("name").asString(""))
                    : servicePort.path("port").asInt() == port;
            if (!match) {
                continue;
            }
            JsonNode target = servicePort.has("targetPort") ? servicePort.get("targetPort") : servicePort.get("port");
            if (spec.path("selector").isEmpty()) {
                continue;
            }
            for (GroupOf selected : groupsByLabel.selectedByMap(spec.path("selector"))) {
                PodGroup group = selected.group();
                Integer number = target.isNumber() ? Integer.valueOf(target.asInt())
                        : group.namedPorts().get(target.asString(""));
                if (number != null) {
                    all.add(new Connection(from, pod(group), new Port(servicePort.path("protocol").asString("TCP"),
                            number), what, pointer));
                }
            }
        }
    }

    /**
     * A pod with an oauth2-proxy in front of its server ({@code auth-proxy}) is only as closed as
     * the NetworkPolicies make it: neither a client in the namespace nor the ingress controller
     * may reach the server's own ports, only the proxy's. (Prometheus, from its own namespace,
     * reads the server's metrics port and is not a client.)
     */
    private void proxiedPorts(List<Finding> findings) {
        Peer client = Peer.cluster(namespace, Map.of("app.kubernetes.io/name", "any-client"));
        for (Workload workload : workloads) {
            for (PodGroup group : workload.groups()) {
                boolean proxied = group.containers().stream()
                        .anyMatch(c -> AUTH_PROXY.equals(c.node().path("name").asString("")));
                if (!proxied) {
                    continue;
                }
                queueProxyUpstream(workload, group, findings);
                Peer pod = pod(group);
                for (Workloads.Container container : group.containers()) {
                    if (AUTH_PROXY.equals(container.node().path("name").asString(""))) {
                        continue;
                    }
                    for (int port : Workloads.listenPorts(container)) {
                        Port tcp = Port.tcp(port);
                        for (Peer from : List.of(client, ingressController)) {
                            if (policies.refusal(from, pod, tcp) == null) {
                                String who = from == client ? "a pod of the namespace" : "the ingress controller";
                                // a model's proxy comes from its auth, a notebook's from its owner
                                String source = workload.object().source();
                                findings.add(environment.locator().finding(Code.FUNCTION_AUTH_BYPASS,
                                        source + (source.startsWith("/notebooks/") ? "/owner" : "/auth/type"),
                                        Code.FUNCTION_AUTH_BYPASS.message(who, tcp, who(workload), AUTH_PROXY)));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * In a Knative revision (a KServe predictor) every request enters through the queue-proxy, which
     * forwards it to one port of the pod: the one port a container declares (Knative's user port),
     * or, once KServe has injected its agent (beside a {@code logger} or {@code batcher}), the
     * agent's 9081, and the agent forwards to {@code kserve-container}'s port
     * (pkg/webhook/admission/pod/agent_injector.go). That port must be the auth-proxy's, or the
     * NetworkPolicies close nothing that matters: the clients' own way in walks around the proxy.
     */
    private void queueProxyUpstream(Workload workload, PodGroup group, List<Finding> findings) {
        if (!workload.object().key().kind().equals("InferenceService")) {
            return;
        }
        String upstream = null;
        for (Workloads.Container container : group.containers()) {
            if (container.injected() != null && container.name().equals(Workloads.KSERVE_AGENT_NAME)) {
                upstream = "KServe's agent (port " + Workloads.KSERVE_AGENT_PORT + "), which forwards it to port "
                        + Workloads.KSERVE_MODEL_PORT + " of kserve-container";
                break;
            }
            if (container.injected() == null && !container.init() && !container.name().equals(AUTH_PROXY)
                    && !container.node().path("ports").isEmpty()) {
                upstream = "port " + container.node().path("ports").path(0).path("containerPort").asInt()
                        + " of " + container.name() + ", the pod's other declared port";
            }
        }
        if (upstream != null) {
            findings.add(environment.locator().finding(Code.FUNCTION_AUTH_UPSTREAM,
                    workload.object().source() + "/auth/type",
                    Code.FUNCTION_AUTH_UPSTREAM.message(who(workload), upstream, AUTH_PROXY)));
        }
    }

    /** Probes for paths no declared connection needs: the metadata address, other ports outside, other namespaces. */
    private void probeForMore(List<Finding> findings) {
        for (Workload workload : workloads) {
            String pointer = "/tenancy/networkPolicy";
            for (PodGroup group : workload.groups()) {
                Peer pod = pod(group);
                if (policies.refusal(pod, Peer.external(ClusterServices.METADATA_ADDRESS), Port.tcp(80)) == null) {
                    findings.add(broad(pointer, who(workload), "the cloud metadata address "
                            + ClusterServices.METADATA_ADDRESS, Port.tcp(80)));
                }
                if (policies.refusal(pod, Peer.external(STORE_ADDRESS), Port.tcp(22)) == null) {
                    findings.add(broad(pointer, who(workload), "addresses outside the cluster", Port.tcp(22)));
                }
                Set<Integer> ports = new LinkedHashSet<>(group.namedPorts().values());
                group.containers().forEach(c -> ports.addAll(Workloads.listenPorts(c)));
                ports.addAll(OPERATOR_SERVICE_PORTS.values());
                for (int port : ports) {
                    if (policies.refusal(STRANGER, pod, Port.tcp(port)) == null) {
                        findings.add(broad(pointer, "pods of any namespace", who(workload), Port.tcp(port)));
                    }
                }
            }
        }
    }

    private Finding broad(String pointer, String from, String to, Port port) {
        return environment.locator().finding(Code.FUNCTION_POLICY_TOO_BROAD, pointer,
                Code.FUNCTION_POLICY_TOO_BROAD.message(from, to, port));
    }

    private TypedObject service(String name) {
        return servicesByName.get(name);
    }

    private Peer pod(PodGroup group) {
        return pods.computeIfAbsent(group, key -> new Peer(namespace, group.labels(), group.namedPorts(), ""));
    }

    private static String who(Workload workload) {
        return workload.describe();
    }

    private String secretName(String entry) {
        Spec.Secrets secrets = environment.spec().secrets();
        if (secrets != null && secrets.existing() && secrets.entries().containsKey(entry)) {
            return secrets.entries().get(entry).key();
        }
        return environment.metadata().name() + "-" + entry;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
        return labels;
    }
}
