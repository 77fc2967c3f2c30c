package dev.mlgitops.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.write.TreeWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The layout's one promise, checked with the real kustomize: for every environment and stage,
 * {@code kubectl kustomize overlays/<env>/<stage>} yields exactly that environment's full
 * rendering of the stage, object for object, field for field.
 */
class OverlaysBuildTheFullRenderingTest {

    @TempDir
    Path output;

    @Test
    void everyOverlayBuildsExactlyItsEnvironmentsFullRendering() {
        int built = assertOverlaysBuildTheFullRenderings(Fixtures.project(Fixtures.DEV, Fixtures.STAGING, Fixtures.PROD),
                Fixtures.base(), Fixtures.environments());

        // dev: tenancy, serving, model-registry, notebooks; staging: three; prod: four with monitoring
        assertThat(built).isEqualTo(11);
    }

    /**
     * Two environments that each keep every other base object, so that every kind of the base
     * (a Namespace, a cluster-scoped ClusterRole and a custom resource among them) is deleted by a
     * {@code $patch: delete} somewhere, and kept somewhere else.
     */
    @Test
    void deletePatchesRemoveObjectsOfEveryKind() {
        List<TypedObject> base = new ArrayList<>(Fixtures.base());
        base.add(Fixtures.object(Stage.TENANCY, read("layout/extra/namespace-placeholder.yaml")));
        base.add(Fixtures.object(Stage.TENANCY, read("layout/extra/clusterrole-fraud-detection-viewer.yaml")));
        base.add(Fixtures.object(Stage.SERVING, read("layout/extra/inferenceservice-fraud-detection-scorer.yaml")));
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        environments.put("dev", everyOther(base, 0));
        environments.put("prod", everyOther(base, 1));

        OutputTree tree = Layout.lay(Fixtures.project(Fixtures.DEV, Fixtures.PROD), base, environments);
        long deletions = tree.files().values().stream().mapToLong(text -> text.split("\\$patch: delete", -1).length - 1).sum();

        // less one: the environment without the notebooks base's only object has no notebooks overlay at all
        assertThat(deletions).isEqualTo(base.size() - 1);
        assertThat(tree.files()).containsKey("overlays/dev/notebooks/kustomization.yaml")
                .doesNotContainKey("overlays/prod/notebooks/kustomization.yaml");
        assertOverlaysBuildTheFullRenderings(Fixtures.project(Fixtures.DEV, Fixtures.PROD), base, environments);
    }

    /** Writes the tree, builds every overlay with kubectl and compares; returns how many it built. */
    private int assertOverlaysBuildTheFullRenderings(ResolvedProject project, List<TypedObject> base,
                                                     Map<String, List<TypedObject>> environments) {
        OutputTree tree = Layout.lay(project, base, environments);
        TreeWriter.write(tree, output);
        Path root = output.resolve(tree.root());
        int checked = 0;
        for (ResolvedEnvironment environment : project.environments()) {
            Target target = environment.target().orElseThrow();
            Map<Stage, List<TypedObject>> byStage = Placement.place(target, environments.get(target.environment()))
                    .stream().collect(Collectors.groupingBy(TypedObject::stage, TreeMap::new, Collectors.toList()));
            for (Map.Entry<Stage, List<TypedObject>> stage : byStage.entrySet()) {
                Path overlay = root.resolve("overlays/" + target.environment() + "/" + stage.getKey().folder());
                Map<String, JsonNode> built = byIdentity(Kustomize.build(overlay));
                Map<String, JsonNode> expected = byIdentity(stage.getValue().stream().map(TypedObject::manifest).toList());
                assertThat(built).as("kubectl kustomize %s", root.relativize(overlay)).isEqualTo(expected);
                checked++;
            }
        }
        return checked;
    }

    private static List<TypedObject> everyOther(List<TypedObject> objects, int first) {
        List<TypedObject> kept = new ArrayList<>();
        for (int i = first; i < objects.size(); i += 2) {
            kept.add(objects.get(i));
        }
        return kept;
    }

    private static String read(String resource) {
        try {
            return Files.readString(Fixtures.resource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anEnvironmentEqualToTheBaseBuildsTheBaseItselfWithoutPatches() {
        OutputTree tree = Fixtures.tree();
        assertThat(tree.files().get("overlays/staging/serving/kustomization.yaml")).doesNotContain("patches");
        TreeWriter.write(tree, output);
        Map<String, JsonNode> built = byIdentity(Kustomize.build(output.resolve(tree.root()).resolve("overlays/staging/serving")));
        assertThat(built).containsOnlyKeys(
                "apps/v1 Deployment fraud-staging/fraud-detection-explainer",
                "autoscaling/v2 HorizontalPodAutoscaler fraud-staging/fraud-detection-explainer",
                "networking.k8s.io/v1 Ingress fraud-staging/fraud-detection-explainer",
                "policy/v1 PodDisruptionBudget fraud-staging/fraud-detection-explainer",
                "v1 ConfigMap fraud-staging/fraud.settings",
                "v1 Service fraud-staging/fraud-detection-explainer");
    }

    /**
     * Objects by apiVersion, kind, namespace and name. Both sides come straight from the YAML
     * parser (fixture files, kubectl's output), so a string that became a number fails the
     * comparison. A duplicate fails too: every object must appear once.
     */
    static Map<String, JsonNode> byIdentity(List<ObjectNode> objects) {
        Map<String, JsonNode> byIdentity = new TreeMap<>();
        for (ObjectNode object : objects) {
            JsonNode metadata = object.path("metadata");
            String identity = object.path("apiVersion").asString() + " " + object.path("kind").asString() + " "
                    + metadata.path("namespace").asString("") + "/" + metadata.path("name").asString();
            assertThat(byIdentity.put(identity, object)).as("%s appears once", identity).isNull();
        }
        return byIdentity;
    }
}
