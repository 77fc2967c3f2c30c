package dev.mlgitops.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlgitops.yaml.BlockYamlReader;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects a tree gives each environment's stage, built from its overlays
 * ({@code overlays/<env>/<stage>/}) as kustomize would, plus each environment's Argo CD
 * Applications ({@code argocd/<env>/}) and the project's AppProject. An environment's
 * {@code bootstrap.yaml} repeats the AppProject and the root and is not listed again; the tree's
 * README.md and PREREQUISITES.md hold no objects.
 */
final class TreeObjects {

    /** The stage name under which an environment's Argo CD Applications are listed. */
    static final String ARGOCD = "argocd";
    /** The environment name under which the AppProject is listed: it belongs to every environment. */
    static final String PROJECT = "(project)";

    private static final Pattern OVERLAY = Pattern.compile("overlays/([^/]+)/([^/]+)/kustomization\\.yaml");
    private static final Pattern ARGOCD_FILE = Pattern.compile("argocd/(?:([^/]+)/)?(?:apps/)?[^/]+\\.yaml");
    /** An environment's bootstrap file: copies of the AppProject and the root, which their own files already list. */
    private static final Pattern BOOTSTRAP = Pattern.compile("argocd/[^/]+/bootstrap\\.yaml");

    /** An environment's stage. */
    record EnvironmentStage(String environment, String stage) implements Comparable<EnvironmentStage> {

        @Override
        public int compareTo(EnvironmentStage other) {
            int byEnvironment = environment.compareTo(other.environment);
            return byEnvironment != 0 ? byEnvironment : stage.compareTo(other.stage);
        }
    }

    private TreeObjects() {
    }

    /** Every scope's objects by {@link #id}; a scope without objects is absent. */
    static SortedMap<EnvironmentStage, SortedMap<String, ObjectNode>> of(Map<String, String> files) {
        SortedMap<EnvironmentStage, SortedMap<String, ObjectNode>> scopes = new TreeMap<>();
        KustomizeBuild overlays = new KustomizeBuild(files);
        for (String path : files.keySet()) {
            Matcher overlay = OVERLAY.matcher(path);
            Matcher argocd = ARGOCD_FILE.matcher(path);
            if (overlay.matches()) {
                add(scopes, new EnvironmentStage(overlay.group(1), overlay.group(2)), overlays.build(path.substring(0, path.lastIndexOf('/'))));
            } else if (argocd.matches() && !BOOTSTRAP.matcher(path).matches()) {
                EnvironmentStage scope = new EnvironmentStage(argocd.group(1) == null ? PROJECT : argocd.group(1), ARGOCD);
                // a file broken by hand holds no object here; the file comparison names it
                object(files.get(path)).ifPresent(object -> add(scopes, scope, List.of(object)));
            }
        }
        return scopes;
    }

    /** The object a YAML text holds; empty when it holds none or is no YAML. */
    static Optional<ObjectNode> object(String text) {
        // a file as mlgitops writes it, one object and no marker, is read by BlockYamlReader;
        // anything else (a file edited by hand, several documents) by the library, as before
        if (!text.startsWith("---") && !text.contains("\n---")) {
            Optional<List<JsonNode>> quick = BlockYamlReader.read(text);
            if (quick.isPresent() && quick.get().size() == 1) {
                return Optional.of((ObjectNode) quick.get().get(0));
            }
        }
        try {
            return KubeYaml.mapper().readTree(text) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static void add(SortedMap<EnvironmentStage, SortedMap<String, ObjectNode>> scopes, EnvironmentStage scope, List<ObjectNode> objects) {
        SortedMap<String, ObjectNode> byId = scopes.computeIfAbsent(scope, s -> new TreeMap<>());
        objects.forEach(object -> byId.put(id(object), object));
    }

    /** {@code Kind namespace/name}, or {@code Kind name} without a namespace. */
    static String id(ObjectNode object) {
        String namespace = object.path("metadata").path("namespace").asString("");
        String name = object.path("metadata").path("name").asString("");
        return object.path("kind").asString("") + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }

    static String kind(String id) {
        return id.substring(0, id.indexOf(' '));
    }
}
