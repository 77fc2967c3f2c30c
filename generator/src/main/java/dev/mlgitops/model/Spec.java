package dev.mlgitops.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * The {@code spec} of an mlproject.yaml as the user wrote it (or as an environment's overrides
 * left it), bound after the schema check passed. Named things are maps in file order.
 * Absent optional sections are {@code null}; absent maps are empty. The
 * {@code cluster} is never null: absent, it holds the defaults (see {@link Cluster}). The {@code waivers} of a
 * workload item map a policy rule's id ({@code MLG-POLICY-REPLICAS}) to the reason it does not
 * apply to that item's objects. A served model and a training job hold here only the fields every
 * engine of their stage reads; the fields of one engine are its own record
 * ({@link ServingFields}, {@link TrainingFields}), bound from the same node.
 */
public record Spec(
        GitOps gitops,
        Map<String, String> images,
        Map<String, Dataset> datasets,
        Tenancy tenancy,
        Secrets secrets,
        Identity identity,
        FeatureStore featureStore,
        Map<String, Notebook> notebooks,
        Map<String, TrainingJob> training,
        ModelRegistry modelRegistry,
        Map<String, ServingModel> serving,
        Monitoring monitoring,
        Map<String, EnvironmentSpec> environments,
        Cluster cluster) {

    public Spec {
        cluster = cluster == null ? Cluster.DEFAULTS : cluster;
        images = copy(images);
        datasets = copy(datasets);
        notebooks = copy(notebooks);
        training = copy(training);
        serving = copy(serving);
        environments = copy(environments);
    }

    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <V> List<V> copy(List<V> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public record GitOps(String repoURL, String targetRevision, String path) {}

    /** A versioned dataset: {@code uri} and {@code version} are artifacts of the release; {@code format} may be null. */
    public record Dataset(String uri, String version, String format) {}

    public record Tenancy(Quota quota, Access access, CloudIdentity cloudIdentity, String networkPolicy) {
        public boolean restricted() {
            return !"open".equals(networkPolicy);
        }
    }

    public record Quota(String cpu, String memory, String gpu, String storage) {}

    public record Access(List<String> admins, List<String> editors, List<String> viewers) {
        public Access {
            admins = copy(admins);
            editors = copy(editors);
            viewers = copy(viewers);
        }
    }

    public record CloudIdentity(String provider, String role) {}

    public record Secrets(String provider, SecretStore store, Map<String, SecretEntry> entries) {
        public Secrets {
            entries = withDefaultKeys(copy(entries));
        }

        /** An entry without a key (allowed with provider existing only) names the Secret of its own name. */
        private static Map<String, SecretEntry> withDefaultKeys(Map<String, SecretEntry> entries) {
            if (entries.values().stream().allMatch(entry -> entry != null && entry.key() != null)) {
                return entries;
            }
            Map<String, SecretEntry> keyed = new LinkedHashMap<>();
            entries.forEach((name, entry) -> keyed.put(name,
                    entry == null || entry.key() == null ? new SecretEntry(name) : entry));
            return Collections.unmodifiableMap(keyed);
        }

        /** Provider {@code existing}: each entry's key names a Secret made by hand; else ExternalSecrets make them. */
        public boolean existing() {
            return "existing".equals(provider);
        }
    }

    public record SecretStore(String kind, String name) {}

    public record SecretEntry(String key) {}

    /**
     * The OpenID Connect provider users sign in with, shared by every oauth2-proxy the tree runs
     * (served models with {@code auth.type: oauth2-proxy}, private notebooks). The client secret and
     * the proxy's cookie secret only by reference to a secrets entry; {@code image}: an image key
     * overriding the pinned oauth2-proxy image, null for the default.
     */
    public record Identity(String issuer, String clientId, SecretRef clientSecret, SecretRef cookieSecret,
                           String image) {}

    public record Resources(String cpu, String memory, String gpu) {}

    /** {@code image}: an image key overriding the engine's pinned default image; null for the default. */
    public record FeatureStore(String engine, String project, String registry, OnlineStore onlineStore,
                               OfflineStore offlineStore, Server server, Materialize materialize, String image,
                               Map<String, String> waivers) {
        public FeatureStore {
            waivers = copy(waivers);
        }
    }

    public record OnlineStore(String type, String secret) {}

    public record OfflineStore(String type) {}

    public record Server(Integer replicas, Resources resources) {}

    public record Materialize(String schedule) {}

    /**
     * {@code shared}: the e-mail addresses besides the owner's that the notebook's oauth2-proxy
     * admits; {@code idleTimeout}: a duration after which Jupyter culls idle kernels and terminals,
     * null for never; {@code egress}: named destinations outside the cluster it may reach on 443;
     * {@code ingress}: the host it answers at, through its oauth2-proxy (needs {@code spec.identity}).
     */
    public record Notebook(String owner, List<String> shared, String image, Resources resources, String storage,
                           String idleTimeout, List<String> egress, Ingress ingress, Map<String, String> waivers) {
        public Notebook {
            shared = copy(shared);
            egress = copy(egress);
            waivers = copy(waivers);
        }
    }

    /**
     * A training job: the fields every training engine reads, and {@code own}, the record of the
     * fields only its engine reads ({@link TrainingFields}), bound from the same node;
     * {@code unread}: the properties written that neither reads (another engine's fields).
     */
    @JsonIgnoreProperties({"own", "unread"})
    public record TrainingJob(String engine, String schedule, List<String> secrets, List<String> datasets,
                              RegisterModel registerModel, Map<String, String> waivers, TrainingFields own,
                              List<String> unread) {
        public TrainingJob {
            waivers = copy(waivers);
            secrets = copy(secrets);
            datasets = copy(datasets);
            unread = copy(unread);
        }

        /** Binds the job's node: the shared fields by name, the rest into its engine's record. */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static TrainingJob bind(@JsonProperty("engine") String engine, @JsonProperty("schedule") String schedule,
                                @JsonProperty("secrets") List<String> secrets,
                                @JsonProperty("datasets") List<String> datasets,
                                @JsonProperty("registerModel") RegisterModel registerModel,
                                @JsonProperty("waivers") Map<String, String> waivers,
                                @JsonAnySetter Map<String, JsonNode> rest) {
            EngineRecords.Bound<TrainingFields> own = EngineRecords.bind("training", engine, TrainingFields.OF_ENGINE, rest);
            return new TrainingJob(engine, schedule, secrets, datasets, registerModel, waivers, own.record(), own.unread());
        }

        /** The fields only the job's engine reads, as the record {@code type} that engine names. */
        public <T extends TrainingFields> T own(Class<T> type) {
            return type.cast(own);
        }
    }

    /**
     * {@code registerModel}: the registered model's {@code name}, with an optional {@code gate} and
     * the {@code alias} the new version gets ({@value #DEFAULT_ALIAS} when not given). The short
     * form, a name alone, registers every successful run's model and sets the default alias.
     */
    public record RegisterModel(String name, Gate gate, String alias) {

        public static final String DEFAULT_ALIAS = "candidate";

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public RegisterModel {
            alias = alias == null ? DEFAULT_ALIAS : alias;
        }

        /** The short form: a name alone. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static RegisterModel named(String name) {
            return new RegisterModel(name, null, null);
        }
    }

    /** The metric of the evaluation's MLflow run and the least ({@code min}) and most ({@code max}) it may be; either may be null. */
    public record Gate(String metric, BigDecimal min, BigDecimal max) {}

    /**
     * {@code image}: an image key overriding the engine's pinned default image; null for the default.
     * {@code auth}: who may open the UI (the shape of a served model's, {@code none} or
     * {@code oauth2-proxy} only); {@code ingress}: the UI's host, through the proxy. Both nullable.
     */
    public record ModelRegistry(String engine, String artifactRoot, BackendStore backendStore, Integer replicas,
                                String image, Auth auth, Ingress ingress, Map<String, String> waivers) {
        public ModelRegistry {
            waivers = copy(waivers);
        }
    }

    /**
     * The tracking server's database: the secrets entry with its URI, and, since the URI is secret,
     * what the generator may know of it to open the way there.
     *
     * @param database {@code postgresql}, {@code mysql} or {@code mssql}; null when not said
     * @param port     the database's port when not the dialect's default; null for the default
     */
    public record BackendStore(String secret, String database, Integer port) {

        /** The default ports of the databases MLflow's SQLAlchemy store runs on. */
        private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "mysql", 3306, "mssql", 1433);

        /**
         * The ports the server and its migration connect to the database on: the spec's port, else
         * the database's default, else (neither said) PostgreSQL's and MySQL's both.
         */
        public List<Integer> ports() {
            if (port != null) {
                return List.of(port);
            }
            if (database != null && DEFAULT_PORTS.containsKey(database)) {
                return List.of(DEFAULT_PORTS.get(database));
            }
            return List.of(DEFAULT_PORTS.get("postgresql"), DEFAULT_PORTS.get("mysql"));
        }
    }

    /**
     * A served model: the fields every serving engine reads, and {@code own}, the record of the
     * fields only its engine reads ({@link ServingFields}), bound from the same node;
     * {@code unread}: the properties written that neither reads (another engine's fields, such as
     * a {@code canary} on a deployment), in file order.
     */
    @JsonIgnoreProperties({"own", "unread"})
    public record ServingModel(String engine, Model model, Replicas replicas, Autoscaling autoscaling,
                               Resources resources, Ingress ingress, Auth auth, Map<String, String> waivers,
                               ServingFields own, List<String> unread) {
        public ServingModel {
            waivers = copy(waivers);
            unread = copy(unread);
        }

        /** Binds the model's node: the shared fields by name, the rest into its engine's record. */
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static ServingModel bind(@JsonProperty("engine") String engine, @JsonProperty("model") Model model,
                                 @JsonProperty("replicas") Replicas replicas,
                                 @JsonProperty("autoscaling") Autoscaling autoscaling,
                                 @JsonProperty("resources") Resources resources, @JsonProperty("ingress") Ingress ingress,
                                 @JsonProperty("auth") Auth auth, @JsonProperty("waivers") Map<String, String> waivers,
                                 @JsonAnySetter Map<String, JsonNode> rest) {
            EngineRecords.Bound<ServingFields> own = EngineRecords.bind("serving", engine, ServingFields.OF_ENGINE, rest);
            return new ServingModel(engine, model, replicas, autoscaling, resources, ingress, auth, waivers,
                    own.record(), own.unread());
        }

        /** The fields only the model's engine reads, as the record {@code type} that engine names. */
        public <T extends ServingFields> T own(Class<T> type) {
            return type.cast(own);
        }
    }

    /**
     * Where a served model comes from: a {@code storageUri}, or a version of the project's model
     * registry ({@code registered}); exactly one of them (a meaning check says so).
     */
    public record Model(String format, String storageUri, Registered registered) {

        /** The model's location as a release holds it: the storage URI, or the registry reference ({@code models:/...}). */
        public String location() {
            return registered != null ? registered.reference() : storageUri;
        }
    }

    /**
     * {@code model.registered}: a version of the registered model {@code model} in the project's
     * MLflow registry, named by {@code alias} or by {@code version} (exactly one of them, the
     * schema says so). Resolved at pod start by an init container running MLflow's client.
     */
    public record Registered(String model, String alias, Integer version) {

        /** The scheme of MLflow's registry URIs ({@code models:/<name>/<version>}, {@code models:/<name>@<alias>}). */
        public static final String SCHEME = "models:/";
        /** The env var of the fetching init container that holds the reference; a release pins its value. */
        public static final String URI_ENV = "MLGITOPS_MODEL_URI";
        /** The pod label that shows which version (or alias) a pod serves; a release pins it with the reference. */
        public static final String LABEL = "mlgitops.dev/model-version";
        private static final int LABEL_LENGTH = 63;

        /** {@code models:/<model>/<version>} or {@code models:/<model>@<alias>}, as MLflow's client reads it. */
        public String reference() {
            return SCHEME + model + (version != null ? "/" + version : "@" + alias);
        }

        /**
         * The label value for a registry reference: the version ({@code 3}) or the alias
         * ({@code champion}), cut to a label's 63 characters and to a letter or digit at its end;
         * empty for anything that is no registry reference.
         */
        public static String label(String reference) {
            if (reference == null || !reference.startsWith(SCHEME)) {
                return "";
            }
            String rest = reference.substring(SCHEME.length());
            int at = rest.lastIndexOf('@');
            String value = at >= 0 ? rest.substring(at + 1) : rest.substring(rest.lastIndexOf('/') + 1);
            value = value.length() > LABEL_LENGTH ? value.substring(0, LABEL_LENGTH) : value;
            return value.replaceAll("[^A-Za-z0-9]+$", "");
        }
    }

    public record SecretRef(String secret, String key) {}

    public record Replicas(int min, int max) {}

    public record Autoscaling(String metric, int target) {}

    public record Ingress(String host, boolean tls) {}

    /**
     * Who may call a served model. {@code type} {@code none} (the default: the NetworkPolicies
     * only), {@code jwt} (a bearer token from {@code issuer}, checked against {@code jwksUri}, for one
     * of {@code audiences}, with {@code requiredClaims}) or {@code oauth2-proxy} (a sign-in with
     * {@code spec.identity}, limited to {@code allowedGroups} and {@code allowedEmails}).
     */
    public record Auth(String type, String issuer, String jwksUri, List<String> audiences,
                       Map<String, String> requiredClaims, List<String> allowedGroups, List<String> allowedEmails) {
        public Auth {
            audiences = copy(audiences);
            requiredClaims = copy(requiredClaims);
            allowedGroups = copy(allowedGroups);
            allowedEmails = copy(allowedEmails);
        }

        public boolean jwt() {
            return "jwt".equals(type);
        }

        public boolean proxy() {
            return "oauth2-proxy".equals(type);
        }
    }

    /** {@code quality}: per served model (by its name under {@code serving}), its quality monitoring; empty when none. */
    public record Monitoring(String scrapeInterval, Alerts alerts, boolean dashboards, Map<String, Quality> quality) {
        public Monitoring {
            quality = copy(quality);
        }
    }

    /**
     * The quality monitoring of one served model: a drift detector ({@code detector}, a user image),
     * the drift score above which an alert fires, the accuracy below which one fires (null when no
     * accuracy is watched), and whether the model's requests and responses are logged to the
     * detector ({@code logging}: true unless the spec says false).
     */
    public record Quality(Detector detector, Drift drift, Accuracy accuracy, Boolean logging) {
        public boolean logs() {
            return logging == null || logging;
        }
    }

    /** {@code image}: a key of {@code spec.images}; {@code resources} null for the engine's default. */
    public record Detector(String image, Resources resources) {}

    /** {@code max}: the highest {@code model_drift_score} of any feature that raises no alert, as written. */
    public record Drift(String max) {}

    /** {@code min}: the lowest {@code model_accuracy} that raises no alert; {@code groundTruth} a dataset name, or null. */
    public record Accuracy(String min, String groundTruth) {}

    public record Alerts(Alert latencyP99, Alert errorRate) {}

    /** {@code for} is a Java keyword, hence {@code forDuration}; it binds from {@code for}. */
    public record Alert(String threshold,
                        @JsonProperty("for") String forDuration) {}

    /** The overrides stay in the tree: the resolver merges them there, with their positions. */
    @JsonIgnoreProperties("overrides")
    public record EnvironmentSpec(String cluster, String namespace, String sync, String track, Fleet clusters,
                                  String rollout) {

        /** {@code clusters}, with {@code rollout}: the fleet the environment runs on; empty for one cluster. */
        public java.util.Optional<Fleet> fleet() {
            return java.util.Optional.ofNullable(clusters).map(fleet -> fleet.withRollout(rollout));
        }

        public boolean autoSync() {
            return "auto".equals(sync);
        }

        /** {@code track: latest}: the environment follows the spec's artifacts instead of waiting for a promotion. */
        public boolean tracksLatest() {
            return "latest".equals(track);
        }
    }

    /**
     * What the cluster the environment runs on already has, which the tree's objects name: the
     * ingress controller, Knative's networking layer, the monitoring stack. Every field has a
     * default (the values mlgitops assumed before these fields existed), filled in at binding, so
     * an environment's overrides may change one fact and keep the others.
     */
    public record Cluster(IngressController ingress, Knative knative, MonitoringStack monitoring, Tls tls) {

        public static final Cluster DEFAULTS = new Cluster(null, null, null, null);

        public Cluster {
            ingress = ingress == null ? IngressController.DEFAULTS : ingress;
            knative = knative == null ? Knative.DEFAULTS : knative;
            monitoring = monitoring == null ? MonitoringStack.DEFAULTS : monitoring;
            tls = tls == null ? Tls.DEFAULTS : tls;
        }
    }

    /** The ingress controller Ingresses name by class and whose namespace NetworkPolicies let in; ingress-nginx's defaults. */
    public record IngressController(String namespace, String className) {

        public static final IngressController DEFAULTS = new IngressController(null, null);

        public IngressController {
            namespace = namespace == null ? "ingress-nginx" : namespace;
            className = className == null ? "nginx" : className;
        }
    }

    /**
     * Knative Serving under KServe: its networking layer, the namespace of that layer's gateways
     * (by default the one the layer's own install uses), and the version, which decides the
     * metric names (1.19 moved to OpenTelemetry's).
     */
    public record Knative(String networking, String namespace, String version) {

        /** The networking layers and the namespaces their releases install the gateways into. */
        public static final Map<String, String> LAYER_NAMESPACES = layers();

        /** Declared after the table it reads. */
        public static final Knative DEFAULTS = new Knative(null, null, null);

        /** The first minor version of Knative Serving that exports OpenTelemetry metric names. */
        public static final int OTEL_MINOR = 19;

        public Knative {
            networking = networking == null ? "istio" : networking;
            namespace = namespace == null ? LAYER_NAMESPACES.getOrDefault(networking, networking + "-system") : namespace;
            version = version == null ? "1.18" : version;
        }

        private static Map<String, String> layers() {
            Map<String, String> layers = new LinkedHashMap<>();
            layers.put("istio", "istio-system");
            layers.put("kourier", "kourier-system");
            layers.put("contour", "contour-external");
            return Collections.unmodifiableMap(layers);
        }

        /** Whether this version exports OpenTelemetry metric names (1.19 and later). */
        public boolean openTelemetryMetrics() {
            String[] parts = version.split("\\.");
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 1 || (major == 1 && minor >= OTEL_MINOR);
        }
    }

    /**
     * The Prometheus that scrapes the models: its namespace (NetworkPolicies let it in) and the
     * labels by which it selects ServiceMonitors and PrometheusRules; kube-prometheus-stack's defaults.
     */
    public record MonitoringStack(String namespace, Map<String, String> prometheusLabels) {

        public static final MonitoringStack DEFAULTS = new MonitoringStack(null, null);

        public MonitoringStack {
            namespace = namespace == null ? "monitoring" : namespace;
            prometheusLabels = prometheusLabels == null ? Map.of("release", "kube-prometheus-stack") : copy(prometheusLabels);
        }
    }

    /** How Ingress certificates come to be: {@code issuer} names a cert-manager ClusterIssuer; null when the Secrets are made otherwise. */
    public record Tls(String issuer) {

        public static final Tls DEFAULTS = new Tls(null);
    }
}
