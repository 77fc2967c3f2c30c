package dev.mlgitops.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.release.ImageReference;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a kustomization of a tree held in memory, as {@code kubectl kustomize} would, for the
 * fields our layout writes and no others: {@code resources} (folders with a kustomization.yaml
 * and object files), {@code namespace}, {@code labels} pairs (metadata only), JSON 6902
 * {@code patches} with a target, {@code $patch: delete} strategic-merge patches, and {@code images}
 * (applied to images in lists under {@code containers} or {@code initContainers}). Anything
 * else is refused, so a tree this cannot read is never silently misread. The tests compare it
 * with the real kustomize.
 *
 * <p>A committed tree may lack a file its kustomizations name, or hold one that is no object
 * (someone deleted or broke a generated file by hand): kustomize would fail on it, and the review
 * reads the objects that are there, so the lost object shows as added rather than failing the
 * review; the file comparison names the file.
 */
final class KustomizeBuild {

    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "patches", "images");
    /** The cluster-scoped kinds a generated tree can hold; kustomize's namespace leaves them alone. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PriorityClass", "StorageClass", "PersistentVolume");

    private final Map<String, String> files;
    /** Whether a resource named by a kustomization was missing: patches may then find nothing to patch. */
    private boolean incomplete;

    /** @param files the tree's files by path relative to its root */
    KustomizeBuild(Map<String, String> files) {
        this.files = files;
    }

    /** The objects the kustomization in {@code folder} (relative to the root) builds, in kustomize's order. */
    List<ObjectNode> build(String folder) {
        String path = folder + "/" + KUSTOMIZATION;
        Optional<ObjectNode> read = object(path);
        if (read.isEmpty()) {
            incomplete = true;
            return new ArrayList<>();
        }
        ObjectNode kustomization = read.get();
        for (String field : kustomization.propertyNames()) {
            if (!KNOWN.contains(field)) {
                throw new MlGitopsException("reading " + path + ": the review does not know kustomize's '" + field + "'");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            String target = normalize(folder + "/" + resource.asString());
            if (files.containsKey(target + "/" + KUSTOMIZATION)) {
                objects.addAll(build(target));
            } else {
                object(target).ifPresentOrElse(objects::add, () -> incomplete = true);
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(path, patch, objects);
        }
        for (JsonNode image : kustomization.path("images")) {
            if (image instanceof ObjectNode entry) {
                objects.forEach(object -> setImages(object, entry, false));
            }
        }
        String namespace = kustomization.path("namespace").asString("");
        for (ObjectNode object : objects) {
            ObjectNode metadata = metadata(object);
            if (!namespace.isEmpty()) {
                setNamespace(object, metadata, namespace, objects);
            }
            for (JsonNode labels : kustomization.path("labels")) {
                ObjectNode target = metadata.get("labels") instanceof ObjectNode existing ? existing : metadata.putObject("labels");
                labels.path("pairs").properties().forEach(pair -> target.set(pair.getKey(), pair.getValue().deepCopy()));
            }
        }
        return objects;
    }

    private static void setNamespace(ObjectNode object, ObjectNode metadata, String namespace, List<ObjectNode> objects) {
        String kind = object.path("kind").asString("");
        if (kind.equals("Namespace")) {
            metadata.put("name", namespace);
        } else if (!CLUSTER_SCOPED.contains(kind)) {
            metadata.put("namespace", namespace);
        }
        if (kind.equals("RoleBinding") || kind.equals("ClusterRoleBinding")) {
            // kustomize moves subjects that name a ServiceAccount of the same build along
            for (JsonNode subject : object.path("subjects")) {
                if (subject instanceof ObjectNode s && "ServiceAccount".equals(s.path("kind").asString(""))
                        && s.path("namespace").asString("default").matches("|default")
                        && objects.stream().anyMatch(o -> "ServiceAccount".equals(o.path("kind").asString(""))
                                && s.path("name").asString("").equals(o.path("metadata").path("name").asString("")))) {
                    s.put("namespace", namespace);
                }
            }
        }
    }

    private void applyPatch(String path, JsonNode patch, List<ObjectNode> objects) {
        JsonNode text = KubeYaml.mapper().readTree(patch.path("patch").asString(""));
        if (text instanceof ObjectNode strategic && "delete".equals(strategic.path("$patch").asString(""))) {
            String kind = strategic.path("kind").asString("");
            String name = strategic.path("metadata").path("name").asString("");
            if (!objects.removeIf(o -> kind.equals(o.path("kind").asString("")) && name.equals(o.path("metadata").path("name").asString("")))
                    && !incomplete) {
                throw new MlGitopsException("applying a patch of " + path + ": no " + kind + " " + name + " to delete");
            }
            return;
        }
        if (!(text instanceof ArrayNode operations) || !(patch.get("target") instanceof ObjectNode target)) {
            throw new MlGitopsException("reading " + path + ": the review knows only JSON 6902 patches with a target and $patch: delete");
        }
        List<ObjectNode> matched = objects.stream().filter(o -> matches(target, o)).toList();
        if (matched.isEmpty() && !incomplete) {
            throw new MlGitopsException("applying a patch of " + path + ": no object matches its target " + target);
        }
        matched.forEach(object -> JsonPatch.apply(object, operations, path));
    }

    /**
     * Kustomize's images transformer: an {@code image} of a container (a list item under
     * {@code containers} or {@code initContainers}, at any depth) whose name is the entry's, with
     * or without a tag or digest, takes the entry's reference.
     */
    private static void setImages(JsonNode node, ObjectNode entry, boolean container) {
        if (node instanceof ObjectNode object) {
            if (container && object.get("image") != null && object.get("image").isString()) {
                String image = object.get("image").asString();
                String name = entry.path("name").asString("");
                if (image.equals(name) || image.startsWith(name + ":") || image.startsWith(name + "@")) {
                    ImageReference set = ImageReference.ofKustomizeEntry(entry);
                    if (set.tag().isEmpty() && set.digest().isEmpty()) {
                        // neither newTag nor digest: kustomize keeps the image's own
                        ImageReference own = ImageReference.parse(image);
                        set = new ImageReference(set.name(), own.tag(), own.digest());
                    }
                    object.put("image", set.toString());
                }
            }
            object.properties().forEach(field -> {
                boolean list = field.getKey().equals("containers") || field.getKey().equals("initContainers");
                if (list && field.getValue() instanceof ArrayNode items) {
                    items.forEach(item -> setImages(item, entry, true));
                } else {
                    setImages(field.getValue(), entry, false);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> setImages(item, entry, false));
        }
    }

    private static boolean matches(ObjectNode target, ObjectNode object) {
        String apiVersion = object.path("apiVersion").asString("");
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return matches(target, "group", group) && matches(target, "version", version)
                && matches(target, "kind", object.path("kind").asString(""))
                && matches(target, "name", object.path("metadata").path("name").asString(""));
    }

    /** kustomize reads a target's fields as anchored regular expressions; an absent field matches anything. */
    private static boolean matches(ObjectNode target, String field, String value) {
        return !target.has(field) || Pattern.matches(target.get(field).asString(), value);
    }

    /** The object in a file of the tree; empty when there is no such file or it holds no object. */
    private Optional<ObjectNode> object(String path) {
        return Optional.ofNullable(files.get(path)).flatMap(TreeObjects::object);
    }

    private static ObjectNode metadata(ObjectNode object) {
        return object.get("metadata") instanceof ObjectNode existing ? existing : object.putObject("metadata");
    }

    /** Resolves "." and ".." in a '/'-separated path relative to the root. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new MlGitopsException("reading " + path + ": it leaves the tree");
                }
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
