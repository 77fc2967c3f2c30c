package dev.mlgitops.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a training run's inputs go by, shared by the blueprints that write them, the layout
 * that pins them per environment and the promotion that moves them. A pipeline's inputs live in
 * one ConfigMap ({@code <project>-<pipeline>-inputs}) whose keys are the env vars its steps get:
 * {@value #RELEASE} (the release id the environment pins) and, per dataset the pipeline reads,
 * {@code MLGITOPS_DATASET_<NAME>_URI}, {@code _VERSION} and {@code _FORMAT}, where {@code <NAME>}
 * is the dataset's name in capitals with '-' as '_' (names are DNS labels, so no two clash).
 */
public final class RunInputs {

    /** The key (and env var) of the release id. */
    public static final String RELEASE = "MLGITOPS_RELEASE";
    /** The release id in the base, which is never deployed alone: every overlay pins its own. */
    public static final String UNRELEASED = "unreleased";
    /** The env var listing the datasets a pipeline reads, comma-separated in the pipeline's order. */
    public static final String DATASETS = "MLGITOPS_DATASETS";
    /** The release's fields of a dataset, as {@code <name>.uri} and {@code <name>.version} in its {@code datasets}. */
    public static final String URI = "uri";
    public static final String VERSION = "version";
    public static final String FORMAT = "format";

    private static final String PREFIX = "MLGITOPS_DATASET_";

    /** {@code scheme://[user@]host[:port]...}: the scheme and the port, when the URI gives one. */
    private static final Pattern AUTHORITY = Pattern.compile("^([a-z][a-z0-9+.-]*)://(?:[^/@?#]*@)?(\\[[^\\]]*\\]|[^/:?#]*)(?::(\\d{1,5}))?");

    /** The port a store of each scheme listens on when the URI names none (object stores and HTTP APIs: HTTPS). */
    private static final Map<String, Integer> PORTS = Map.ofEntries(
            Map.entry("s3", 443), Map.entry("s3a", 443), Map.entry("gs", 443), Map.entry("gcs", 443),
            Map.entry("az", 443), Map.entry("abfs", 443), Map.entry("abfss", 443), Map.entry("wasbs", 443),
            Map.entry("hf", 443), Map.entry("https", 443), Map.entry("lakefs", 443), Map.entry("http", 80),
            Map.entry("hdfs", 8020), Map.entry("postgresql", 5432), Map.entry("postgres", 5432),
            Map.entry("mysql", 3306), Map.entry("redis", 6379), Map.entry("rediss", 6379));

    /** Schemes read from inside the pod or the cluster's own volumes: no connection outside. */
    private static final Set<String> LOCAL = Set.of("file", "pvc");

    private RunInputs() {
    }

    /** {@code <pipeline>-inputs}: the thing the ConfigMap is named for, after the project's prefix. */
    public static String configMap(String pipeline) {
        return pipeline + "-inputs";
    }

    /** The env var (and ConfigMap key) of {@code field} ({@link #URI}, {@link #VERSION}, {@link #FORMAT}) of {@code dataset}. */
    public static String key(String dataset, String field) {
        return PREFIX + dataset.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + field.toUpperCase(Locale.ROOT);
    }

    /** The release's artifact of a dataset field: {@code <name>.uri} or {@code <name>.version}. */
    public static String artifact(String dataset, String field) {
        return dataset + "." + field;
    }

    /** The URI's scheme in lower case; empty when it has none. */
    public static String scheme(String uri) {
        Matcher matcher = AUTHORITY.matcher(uri);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** Whether the dataset is read without a connection outside the cluster ({@code file://}, {@code pvc://}). */
    public static boolean local(String uri) {
        return LOCAL.contains(scheme(uri));
    }

    /**
     * The TCP port a dataset's store is reached on: the URI's own port, else its scheme's usual
     * one; empty for a local dataset and for a scheme whose port is not known.
     */
    public static OptionalInt storePort(String uri) {
        Matcher matcher = AUTHORITY.matcher(uri);
        if (!matcher.find() || LOCAL.contains(matcher.group(1).toLowerCase(Locale.ROOT))) {
            return OptionalInt.empty();
        }
        if (matcher.group(3) != null) {
            int port = Integer.parseInt(matcher.group(3));
            return port >= 1 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
        }
        Integer known = PORTS.get(matcher.group(1).toLowerCase(Locale.ROOT));
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    /**
     * The release artifact ({@code <name>.uri}, {@code <name>.version}) a ConfigMap key holds, given
     * the datasets the release knows by artifact; empty for the format and any other key.
     */
    public static Optional<String> artifactOfKey(String key, Iterable<String> artifacts) {
        for (String artifact : artifacts) {
            int dot = artifact.lastIndexOf('.');
            if (dot > 0 && key.equals(key(artifact.substring(0, dot), artifact.substring(dot + 1)))) {
                return Optional.of(artifact);
            }
        }
        return Optional.empty();
    }
}
