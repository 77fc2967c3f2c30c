package dev.mlgitops.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The {@code spec} of an mlproject.yaml as the user wrote it (or as an environment's overrides
 * left it), bound after the schema check passed. Named things are maps in file order.
 * Absent optional sections are {@code null}; absent maps are empty. The {@code waivers} of a
 * workload item map a policy rule's id ({@code MLG-POLICY-REPLICAS}) to the reason it does not
 * apply to that item's objects.
 */
public record Spec(
        GitOps gitops,
        Map<String, String> images,
        Map<String, Dataset> datasets,
        Tenancy tenancy,
        Secrets secrets,
        FeatureStore featureStore,
        Map<String, Notebook> notebooks,
        Map<String, TrainingJob> training,
        ModelRegistry modelRegistry,
        Map<String, ServingModel> serving,
        Monitoring monitoring,
        Map<String, EnvironmentSpec> environments) {

    public Spec {
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

    public record Notebook(String owner, String image, Resources resources, String storage,
                           Map<String, String> waivers) {
        public Notebook {
            waivers = copy(waivers);
        }
    }

    public record TrainingJob(String engine, String schedule, List<String> secrets, List<String> datasets,
                              Map<String, Step> steps, RegisterModel registerModel, String image, List<String> command, Integer workers,
                              Resources resources, Map<String, String> waivers) {
        public TrainingJob {
            waivers = copy(waivers);
            secrets = copy(secrets);
            datasets = copy(datasets);
            steps = copy(steps);
            command = copy(command);
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

    public record Step(String image, List<String> command, List<String> dependsOn, Resources resources,
                       Map<String, String> env) {
        public Step {
            command = copy(command);
            dependsOn = copy(dependsOn);
            env = copy(env);
        }
    }

    /** {@code image}: an image key overriding the engine's pinned default image; null for the default. */
    public record ModelRegistry(String engine, String artifactRoot, BackendStore backendStore, Integer replicas,
                                String image, Map<String, String> waivers) {
        public ModelRegistry {
            waivers = copy(waivers);
        }
    }

    public record BackendStore(String secret) {}

    public record ServingModel(String engine, Model model, String image, List<String> args, Integer port,
                               Map<String, String> env, Map<String, SecretRef> secretEnv, Replicas replicas,
                               Autoscaling autoscaling, Resources resources, Canary canary, Ingress ingress,
                               Health health, Map<String, String> waivers) {
        public ServingModel {
            waivers = copy(waivers);
            args = copy(args);
            env = copy(env);
            secretEnv = copy(secretEnv);
        }
    }

    public record Model(String format, String storageUri) {}

    public record SecretRef(String secret, String key) {}

    public record Replicas(int min, int max) {}

    public record Autoscaling(String metric, int target) {}

    public record Canary(int trafficPercent) {}

    public record Ingress(String host, boolean tls) {}

    public record Health(String liveness, String readiness) {}

    public record Monitoring(String scrapeInterval, Alerts alerts, boolean dashboards) {}

    public record Alerts(Alert latencyP99, Alert errorRate) {}

    /** {@code for} is a Java keyword, hence {@code forDuration}; it binds from {@code for}. */
    public record Alert(String threshold,
                        @com.fasterxml.jackson.annotation.JsonProperty("for") String forDuration) {}

    /** The overrides stay in the tree: the resolver merges them there, with their positions. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties("overrides")
    public record EnvironmentSpec(String cluster, String namespace, String sync, String track) {
        public boolean autoSync() {
            return "auto".equals(sync);
        }

        /** {@code track: latest}: the environment follows the spec's artifacts instead of waiting for a promotion. */
        public boolean tracksLatest() {
            return "latest".equals(track);
        }
    }
}
