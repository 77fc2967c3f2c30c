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
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Stage;
import dev.mlgitops.model.Target;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.render.Renderer;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.typed.Typer;
import dev.mlgitops.write.TreeWriter;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import dev.mlgitops.build.Builder;
import dev.mlgitops.build.BuildOptions;

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

    /**
     * The reference file through the whole pipeline: every stage it renders, every environment's
     * overrides (prod scales the kserve scorer and lowers its canary, dev drops the canary).
     */
    @Test
    void theReferenceOverlaysBuildEachEnvironmentsFullRendering() {
        ResolvedProject project = Builder.resolve(CaseFolders.REFERENCE, BuildOptions.defaults(), new Findings()).orElseThrow();
        Findings findings = new Findings();
        Renderer renderer = new Renderer(Blueprints.of(Optional.empty()));
        Typer typer = new Typer();
        List<TypedObject> base = asWritten(typer.type(renderer.render(project.base(), findings), findings));
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        project.environments().forEach(e -> environments.put(e.name(), asWritten(typer.type(renderer.render(e, findings), findings))));
        assertThat(findings.hasErrors()).isFalse();

        int built = assertOverlaysBuildTheFullRenderings(project, base, environments);

        // dev has all seven stages; staging and prod all but notebooks
        assertThat(built).isEqualTo(7 + 6 + 6);
        OutputTree tree = Layout.lay(project, base, environments);
        assertThat(tree.files().get("overlays/dev/serving/kustomization.yaml"))
                .contains("op: remove").contains("path: /spec/predictor/canaryTrafficPercent");
        assertThat(tree.files().get("overlays/prod/serving/kustomization.yaml"))
                .contains("path: /spec/predictor/canaryTrafficPercent").contains("value: 5")
                .contains("path: /spec/predictor/minReplicas").contains("value: 4")
                .contains("path: /spec/predictor/maxReplicas").contains("value: 40");
    }

    /** The objects as a reader of their YAML sees them (an int is an int, whatever node the typer made). */
    private static List<TypedObject> asWritten(List<TypedObject> objects) {
        return objects.stream().map(o -> new TypedObject(o.stage(), o.blueprint(), o.key(),
                (ObjectNode) KubeYaml.mapper().readTree(KubeYaml.write(o.manifest())), o.source())).toList();
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
                Map<String, JsonNode> expected = byIdentity(Kustomize.withPinnedRelease(
                        stage.getValue().stream().map(TypedObject::manifest).toList(), tree, target.environment()));
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
