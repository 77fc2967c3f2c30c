package dev.mlgitops.layout;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.model.ApplicationsIn;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;
import dev.mlgitops.release.Release;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.Header;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lays out the tree: a kustomize base per stage from the spec as written, an overlay per
 * environment and stage computed as the difference between that base and the environment's
 * {@linkplain Placement full rendering}, and the Argo CD objects that sync the overlays.
 */
public final class Layout {

    /** The tree's own README: what it is, what syncs what, how to bootstrap it. */
    public static final String README = "README.md";

    private Layout() {
    }

    /** As {@link #lay(ResolvedProject, List, Map, ApplicationsIn, Map)}: the Applications in the team's namespaces, no pins. */
    public static OutputTree lay(ResolvedProject project, List<TypedObject> base, Map<String, List<TypedObject>> environments) {
        return lay(project, base, environments, ApplicationsIn.TEAM_NAMESPACES, Map.of());
    }

    /** As {@link #lay(ResolvedProject, List, Map, ApplicationsIn, Map)}, no pins: every environment pins the spec's artifacts. */
    public static OutputTree lay(ResolvedProject project, List<TypedObject> base, Map<String, List<TypedObject>> environments,
            ApplicationsIn applicationsIn) {
        return lay(project, base, environments, applicationsIn, Map.of());
    }

    /**
     * @param base the objects of the spec as written (no environment)
     * @param environments each environment's objects as rendered, by name, in promotion order
     * @param applicationsIn where the Argo CD Applications live
     * @param pinned the releases the tree being replaced pins, by environment (see
     *               {@link dev.mlgitops.release.Releases#pinned}); an environment that does not
     *               follow the spec keeps its own. Empty: every environment pins the spec's artifacts
     */
    public static OutputTree lay(ResolvedProject project, List<TypedObject> base, Map<String, List<TypedObject>> environments,
            ApplicationsIn applicationsIn, Map<String, Release> pinned) {
        base.forEach(KustomizeScope::requireKnownScope);
        environments.values().forEach(objects -> objects.forEach(KustomizeScope::requireKnownScope));
        SortedMap<String, JsonNode> files = new TreeMap<>();

        Map<Stage, SortedMap<String, TypedObject>> bases = byStage("base", base);
        bases.forEach((stage, objects) -> {
            objects.forEach((file, object) -> files.put(baseFolder(stage) + "/" + file, object.manifest()));
            files.put(baseFolder(stage) + "/kustomization.yaml", Kustomizations.base(List.copyOf(objects.keySet())));
        });

        ArgoCdObjects argoCd = new ArgoCdObjects(project.metadata().name(), project.gitops(), applicationsIn);
        List<Target> targets = new ArrayList<>();
        Set<ArgoCdObjects.GroupKind> clusterKinds = new LinkedHashSet<>();
        Set<ArgoCdObjects.GroupKind> namespacedKinds = new LinkedHashSet<>();
        ReleasePins.Fields pinnable = new ReleasePins.Fields();
        Map<String, Release> releases = ReleasePins.releases(project, base, environments, pinned, pinnable);
        Map<String, List<Stage>> stages = new LinkedHashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            Target target = environment.target()
                    .orElseThrow(() -> new MlGitopsException("laying out: environment " + environment.name() + " has no target"));
            targets.add(target);
            List<TypedObject> objects = environments.get(target.environment());
            if (objects == null) {
                throw new MlGitopsException("laying out environment " + target.environment() + ": no objects were rendered for it");
            }
            requireEachObjectOnce(target, objects);
            for (TypedObject object : objects) {
                var kind = new ArgoCdObjects.GroupKind(object.key().group(), object.key().kind());
                (object.key().namespaced() ? namespacedKinds : clusterKinds).add(kind);
            }
            Release release = releases.get(target.environment());
            files.put(Release.path(target.environment()), release.toYaml());
            Map<Stage, SortedMap<String, TypedObject>> staging = byStage(target.environment(), objects);
            stages.put(target.environment(), List.copyOf(staging.keySet()));
            staging.forEach((stage, staged) -> {
                String folder = "overlays/" + target.environment() + "/" + stage.folder();
                SortedMap<String, TypedObject> stageBase = bases.getOrDefault(stage, new TreeMap<>());
                Optional<String> basePath = stageBase.isEmpty() ? Optional.empty() : Optional.of("../../../" + baseFolder(stage));
                ReleasePins.StagePins pins = ReleasePins.of(environment, release, staged.values(), pinnable);
                new OverlayBuilder(target, stageBase, staged).files(basePath, pins)
                        .forEach((file, node) -> files.put(folder + "/" + file, node));
                files.put(appsFolder(target.environment()) + "/" + stage.folder() + ".yaml", argoCd.application(target, stage));
            });
            files.put(rootPath(target.environment()), argoCd.root(target));
        }
        ObjectNode appProject = argoCd.appProject(targets, clusterKinds, namespacedKinds);
        files.put("argocd/appproject.yaml", appProject);
        String header = Header.forSource(project.sourceFile());
        SortedMap<String, String> texts = texts(header, files);
        for (Target target : targets) {
            texts.put(bootstrapPath(target.environment()), bootstrap(header, appProject, files.get(rootPath(target.environment()))));
        }
        texts.put(README, TreeReadme.text(Header.forMarkdown(project.sourceFile()), project.metadata().name(), argoCd, targets,
                stages, applicationsIn));
        return new OutputTree(treeRoot(project.gitops()), texts);
    }

    /**
     * The one file a platform admin applies to bootstrap an environment: the AppProject, then the
     * environment's root Application, the same objects as {@code argocd/appproject.yaml} and
     * {@code argocd/<env>/root.yaml}. It lies beside the root, outside the folder the root syncs.
     */
    private static String bootstrap(String header, JsonNode appProject, JsonNode root) {
        return header + KubeYaml.write(appProject) + "---\n" + KubeYaml.write(root);
    }

    static String bootstrapPath(String environment) {
        return "argocd/" + environment + "/bootstrap.yaml";
    }

    static String rootPath(String environment) {
        return "argocd/" + environment + "/root.yaml";
    }

    /** Each file's text, written on every core: writing YAML is a good part of a large run. */
    private static SortedMap<String, String> texts(String header, SortedMap<String, JsonNode> files) {
        return files.entrySet().parallelStream().collect(Collectors.toMap(Map.Entry::getKey,
                file -> header + KubeYaml.write(file.getValue()), (a, b) -> a, TreeMap::new));
    }

    /**
     * The tree of a run limited to some environments: the bases, the AppProject, the README, and those
     * environments' overlays and Argo CD folders. Nothing else under the root is written or
     * removed, neither the other environments' files nor those of environments the spec dropped.
     * The AppProject is laid out from every environment all the same.
     */
    public static OutputTree limit(OutputTree tree, List<String> environments) {
        List<String> paths = new ArrayList<>(List.of("base", "argocd/appproject.yaml", README));
        for (String environment : environments) {
            paths.add("overlays/" + environment);
            paths.add("argocd/" + environment);
        }
        return tree.limitedTo(paths);
    }

    /** The folder of the GitOps repository the tree goes in, without leading or trailing '/'. */
    static String treeRoot(Spec.GitOps gitops) {
        String path = gitops.path() == null ? "" : gitops.path().replaceAll("^/+|/+$", "");
        return path.equals(".") ? "" : path;
    }

    static String appsFolder(String environment) {
        return "argocd/" + environment + "/apps";
    }

    private static String baseFolder(Stage stage) {
        return "base/" + stage.folder();
    }

    /** Argo CD lets no two Applications own one object, so no two stages may render it. */
    private static void requireEachObjectOnce(Target target, List<TypedObject> objects) {
        Map<String, TypedObject> seen = new HashMap<>();
        // the placed identity, computed without placing (deep-copying) every object
        for (TypedObject object : objects) {
            ObjectKey key = Placement.placedKey(target, object.key());
            String identity = key.group() + "/" + key.kind() + "/" + Placement.placedNamespace(target, object)
                    + "/" + key.name();
            TypedObject previous = seen.putIfAbsent(identity, object);
            if (previous != null) {
                throw new MlGitopsException("laying out environment " + target.environment() + ": " + key + " is rendered by "
                        + previous.blueprint() + " and by " + object.blueprint() + "; one object must belong to one stage");
            }
        }
    }

    /** The objects by stage (in stage order), then by file name; two objects may not share a file. */
    private static Map<Stage, SortedMap<String, TypedObject>> byStage(String owner, List<TypedObject> objects) {
        Map<Stage, SortedMap<String, TypedObject>> byStage = new EnumMap<>(Stage.class);
        for (TypedObject object : objects) {
            TypedObject previous = byStage.computeIfAbsent(object.stage(), stage -> new TreeMap<>())
                    .putIfAbsent(object.key().fileName(), object);
            if (previous != null) {
                throw new MlGitopsException("laying out " + owner + "/" + object.stage().folder() + ": " + previous.key()
                        + " (blueprint " + previous.blueprint() + ") and " + object.key() + " (blueprint "
                        + object.blueprint() + ") would share the file " + object.key().fileName());
            }
        }
        return byStage;
    }
}
