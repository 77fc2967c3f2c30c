package dev.mlgitops.report;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects a tree gives each environment's stage, built from its overlays
 * ({@code overlays/<env>/<stage>/}) as kustomize would, plus each environment's Argo CD
 * Applications ({@code argocd/<env>/}) and the project's AppProject.
 */
final class TreeObjects {

    /** The stage name under which an environment's Argo CD Applications are listed. */
    static final String ARGOCD = "argocd";
    /** The environment name under which the AppProject is listed: it belongs to every environment. */
    static final String PROJECT = "(project)";

    private static final Pattern OVERLAY = Pattern.compile("overlays/([^/]+)/([^/]+)/kustomization\\.yaml");
    private static final Pattern ARGOCD_FILE = Pattern.compile("argocd/(?:([^/]+)/)?(?:apps/)?[^/]+\\.yaml");

    /** An environment's stage. */
    record Scope(String environment, String stage) implements Comparable<Scope> {

        @Override
        public int compareTo(Scope other) {
            int byEnvironment = environment.compareTo(other.environment);
            return byEnvironment != 0 ? byEnvironment : stage.compareTo(other.stage);
        }
    }

    private TreeObjects() {
    }

    /** Every scope's objects by {@link #id}; a scope without objects is absent. */
    static SortedMap<Scope, SortedMap<String, ObjectNode>> of(Map<String, String> files) {
        SortedMap<Scope, SortedMap<String, ObjectNode>> scopes = new TreeMap<>();
        OverlayObjects overlays = new OverlayObjects(files);
        for (String path : files.keySet()) {
            Matcher overlay = OVERLAY.matcher(path);
            Matcher argocd = ARGOCD_FILE.matcher(path);
            if (overlay.matches()) {
                add(scopes, new Scope(overlay.group(1), overlay.group(2)), overlays.build(path.substring(0, path.lastIndexOf('/'))));
            } else if (argocd.matches()) {
                Scope scope = new Scope(argocd.group(1) == null ? PROJECT : argocd.group(1), ARGOCD);
                if (!(KubeYaml.mapper().readTree(files.get(path)) instanceof ObjectNode object)) {
                    throw new MlGitopsException("reading " + path + ": it holds no object");
                }
                add(scopes, scope, List.of(object));
            }
        }
        return scopes;
    }

    private static void add(SortedMap<Scope, SortedMap<String, ObjectNode>> scopes, Scope scope, List<ObjectNode> objects) {
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
