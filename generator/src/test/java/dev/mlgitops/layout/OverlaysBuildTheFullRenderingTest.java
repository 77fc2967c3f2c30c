package dev.mlgitops.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        OutputTree tree = Fixtures.tree();
        TreeWriter.write(tree, output);
        Path root = output.resolve(tree.root());
        Map<String, List<TypedObject>> environments = Fixtures.environments();
        int checked = 0;
        for (Target target : List.of(Fixtures.DEV, Fixtures.STAGING, Fixtures.PROD)) {
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
        // dev: tenancy, serving, model-registry, notebooks; staging: three; prod: four with monitoring
        assertThat(checked).isEqualTo(11);
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
    private static Map<String, JsonNode> byIdentity(List<ObjectNode> objects) {
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
