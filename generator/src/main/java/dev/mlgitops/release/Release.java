package dev.mlgitops.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A release: the versioned artifacts an environment deploys, and nothing of its structure.
 * {@code images} maps a key of {@code spec.images} to its reference (tag or digest),
 * {@code models} a served model's name to its {@code storageUri}, {@code datasets} a dataset's
 * {@code <name>.uri} and {@code <name>.version} to their values. Its {@linkplain #id id} is the
 * first 12 hex digits of the SHA-256 of its {@linkplain #canonical canonical text}, so the same
 * artifacts have the same id in every environment and every run.
 *
 * <p>Its file is {@code overlays/<env>/release.yaml}: read by mlgitops, never a kustomize
 * resource nor a Kubernetes object.
 */
public record Release(SortedMap<String, String> images, SortedMap<String, String> models,
                      SortedMap<String, String> datasets) {

    /** The release's file in an environment's overlay folder. */
    public static final String FILE = "release.yaml";
    private static final int ID_LENGTH = 12;

    public Release {
        images = Collections.unmodifiableSortedMap(new TreeMap<>(images));
        models = Collections.unmodifiableSortedMap(new TreeMap<>(models));
        datasets = Collections.unmodifiableSortedMap(new TreeMap<>(datasets));
    }

    /** A release without datasets. */
    public Release(SortedMap<String, String> images, SortedMap<String, String> models) {
        this(images, models, new TreeMap<>());
    }

    public static Release of(Map<String, String> images, Map<String, String> models) {
        return new Release(new TreeMap<>(images), new TreeMap<>(models));
    }

    public static Release of(Map<String, String> images, Map<String, String> models, Map<String, String> datasets) {
        return new Release(new TreeMap<>(images), new TreeMap<>(models), new TreeMap<>(datasets));
    }

    /** {@code overlays/<env>/release.yaml}, relative to the tree's root. */
    public static String path(String environment) {
        return "overlays/" + environment + "/" + FILE;
    }

    /**
     * One line per artifact, in the alphabet of its name: {@code datasets.<name>.uri=<uri>},
     * {@code datasets.<name>.version=<version>}, {@code images.<key>=<reference>},
     * {@code models.<name>=<uri>}, each ending in '\n'. A release without datasets keeps the id it
     * had before releases held datasets.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder();
        artifacts().forEach((artifact, reference) -> text.append(artifact).append('=').append(reference).append('\n'));
        return text.toString();
    }

    /** Every artifact by {@code datasets.<name>.<field>}, {@code images.<key>} and {@code models.<name>}. */
    public SortedMap<String, String> artifacts() {
        SortedMap<String, String> artifacts = new TreeMap<>();
        images.forEach((key, reference) -> artifacts.put("images." + key, reference));
        models.forEach((name, uri) -> artifacts.put("models." + name, uri));
        datasets.forEach((field, value) -> artifacts.put("datasets." + field, value));
        return artifacts;
    }

    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The file's content (without the generator's header): its id, then its images, models and datasets. */
    public ObjectNode toYaml() {
        ObjectNode yaml = KubeYaml.newObject();
        yaml.put("release", id());
        if (!images.isEmpty()) {
            ObjectNode node = yaml.putObject("images");
            images.forEach(node::put);
        }
        if (!models.isEmpty()) {
            ObjectNode node = yaml.putObject("models");
            models.forEach(node::put);
        }
        if (!datasets.isEmpty()) {
            ObjectNode node = yaml.putObject("datasets");
            datasets.forEach(node::put);
        }
        return yaml;
    }

    /**
     * Reads a release file back; its recorded id must be the id of its artifacts.
     *
     * @param path the file's path, for the message
     * @throws MlGitopsException naming the file when it is not a release or was edited by hand
     */
    public static Release parse(String path, String text) {
        JsonNode node;
        try {
            node = KubeYaml.mapper().readTree(text);
        } catch (JacksonException e) {
            throw new MlGitopsException("reading " + path + ": it is not YAML (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode yaml) || !yaml.path("release").isString()) {
            throw new MlGitopsException("reading " + path + ": it is no release (it lacks 'release: <id>')");
        }
        Release release = new Release(strings(path, yaml, "images"), strings(path, yaml, "models"),
                strings(path, yaml, "datasets"));
        String recorded = yaml.path("release").asString();
        if (!recorded.equals(release.id())) {
            throw new MlGitopsException("reading " + path + ": it records release " + recorded + " but its artifacts are release "
                    + release.id() + "; it was edited by hand: generate again, or promote, instead");
        }
        return release;
    }

    private static SortedMap<String, String> strings(String path, ObjectNode yaml, String field) {
        SortedMap<String, String> values = new TreeMap<>();
        JsonNode map = yaml.path(field);
        if (!map.isMissingNode() && !map.isObject()) {
            throw new MlGitopsException("reading " + path + ": '" + field + "' is not a map");
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            if (!entry.getValue().isString()) {
                throw new MlGitopsException("reading " + path + ": " + field + "." + entry.getKey() + " is not a string");
            }
            values.put(entry.getKey(), entry.getValue().asString());
        }
        return values;
    }
}
