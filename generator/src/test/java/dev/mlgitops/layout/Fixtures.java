package dev.mlgitops.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.mlgitops.model.ProjectMetadata;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects of the test project, read from {@code src/test/resources/layout/fraud}: the base
 * is {@code base/<stage>/*.yaml}; an environment is the base, with its own folder's files
 * replacing or adding to the base's at the same {@code <stage>/<file>}, less what a test removes.
 */
final class Fixtures {

    static final Target DEV = new Target("dev", 0, "in-cluster", "fraud-dev", true);
    static final Target STAGING = new Target("staging", 1, "in-cluster", "fraud-staging", true);
    static final Target PROD = new Target("prod", 2, "https://prod.k8s.example.com", "fraud", false);
    static final Spec.GitOps GITOPS = new Spec.GitOps("https://git.example.com/platform/ml-gitops.git", "main",
            "projects/fraud-detection");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

    private Fixtures() {
    }

    static ResolvedProject project(Target... targets) {
        ProjectMetadata metadata = new ProjectMetadata("fraud-detection", "risk-ml", "Card-fraud scoring", Map.of());
        Spec spec = new Spec(GITOPS, Map.of(), Map.of(), null, null, null, null, Map.of(), Map.of(), null, Map.of(), null, Map.of(), null);
        List<ResolvedEnvironment> environments = Stream.of(targets)
                .map(target -> new ResolvedEnvironment(metadata, spec, Optional.of(target))).toList();
        return new ResolvedProject("mlproject.yaml", ResolvedEnvironment.base(metadata, spec), environments);
    }

    static List<TypedObject> base() {
        return List.copyOf(objects("base").values());
    }

    /** @param removed {@code <stage>/<file>} paths or whole {@code <stage>} folders the environment lacks */
    static List<TypedObject> environment(String name, String... removed) {
        Map<String, TypedObject> objects = new TreeMap<>(objects("base"));
        objects.putAll(objects(name));
        for (String path : removed) {
            if (objects.keySet().removeIf(key -> key.equals(path) || key.startsWith(path + "/")) == false) {
                throw new IllegalArgumentException("nothing to remove at " + path);
            }
        }
        return List.copyOf(objects.values());
    }

    /** The three environments the layout tests use: what each differs in is in the fixture files. */
    static Map<String, List<TypedObject>> environments() {
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        environments.put("dev", environment("dev", "serving/ingress-fraud-detection-explainer.yaml"));
        environments.put("staging", environment("staging", "notebooks"));
        environments.put("prod", environment("prod", "notebooks",
                "model-registry/deployment-fraud-detection-mlflow.yaml"));
        return environments;
    }

    static OutputTree tree() {
        return Layout.lay(project(DEV, STAGING, PROD), base(), environments());
    }

    static TypedObject object(Stage stage, String yaml) {
        ObjectNode manifest = (ObjectNode) KubeYaml.mapper().readTree(yaml);
        String kind = manifest.path("kind").asString();
        ObjectKey key = new ObjectKey(manifest.path("apiVersion").asString(), kind,
                manifest.path("metadata").path("name").asString(), !CLUSTER_SCOPED.contains(kind));
        return new TypedObject(stage, stage.folder() + "/test", key, manifest);
    }

    /** By {@code <stage>/<file>}. */
    private static Map<String, TypedObject> objects(String folder) {
        Map<String, TypedObject> objects = new TreeMap<>();
        Path root = resource("layout/fraud/" + folder);
        if (!Files.isDirectory(root)) {
            return objects;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Stage stage = Stage.byFolder(file.getParent().getFileName().toString()).orElseThrow();
                objects.put(stage.folder() + "/" + file.getFileName(), object(stage, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static Path resource(String name) {
        try {
            var url = Fixtures.class.getClassLoader().getResource(name);
            return url == null ? Path.of("does-not-exist", name) : Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
