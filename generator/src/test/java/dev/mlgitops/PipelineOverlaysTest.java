package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.layout.Kustomize;
import dev.mlgitops.layout.Layout;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.layout.Placement;
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
 * The layout's promise on real specs through the real pipeline, checked with the real kustomize:
 * for every environment and stage, {@code kubectl kustomize overlays/<env>/<stage>} yields
 * exactly that environment's full rendering of the stage, object for object, field for field.
 */
class PipelineOverlaysTest {

    @TempDir
    Path output;

    @ParameterizedTest
    @ValueSource(strings = {"../example-repo/mlproject.yaml", "src/test/resources/pipeline/environments-differ/mlproject.yaml"})
    void everyOverlayBuildsExactlyItsEnvironmentsFullRendering(String spec) {
        ResolvedProject project = Builder.resolve(Path.of(spec), BuildOptions.defaults(), new Findings()).orElseThrow();
        Renderer renderer = new Renderer(Blueprints.of(Optional.empty()));
        Typer typer = new Typer();
        Findings findings = new Findings();
        List<TypedObject> base = typer.type(renderer.render(project.base(), findings), findings);
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            environments.put(environment.name(), typer.type(renderer.render(environment, findings), findings));
        }
        assertThat(findings.hasErrors()).isFalse();
        OutputTree tree = Layout.lay(project, base, environments);
        TreeWriter.write(tree, output);

        List<String> built = new ArrayList<>();
        for (ResolvedEnvironment environment : project.environments()) {
            Target target = environment.target().orElseThrow();
            Map<Stage, List<TypedObject>> byStage = Placement.place(target, environments.get(environment.name()))
                    .stream().collect(Collectors.groupingBy(TypedObject::stage, TreeMap::new, Collectors.toList()));
            byStage.forEach((stage, expected) -> {
                String overlay = "overlays/" + environment.name() + "/" + stage.folder();
                List<ObjectNode> actual = Kustomize.build(output.resolve(tree.root()).resolve(overlay));
                assertThat(byIdentity(actual)).as(overlay).isEqualTo(byIdentity(Kustomize.withPinnedRelease(
                        expected.stream().map(TypedObject::manifest).toList(), tree, environment.name())));
                built.add(overlay);
            });
        }
        assertThat(built).isNotEmpty().allSatisfy(overlay -> assertThat(tree.files()).containsKey(overlay + "/kustomization.yaml"));
    }

    /**
     * Objects by kind and name, each as its YAML text reads back: trees compare by content, not by
     * key order or by the width of the Java number that held a value.
     */
    private static Map<String, JsonNode> byIdentity(List<ObjectNode> objects) {
        Map<String, JsonNode> identified = new TreeMap<>();
        for (ObjectNode object : objects) {
            String id = object.path("kind").asString() + "/" + object.at("/metadata/name").asString();
            JsonNode asRead = KubeYaml.mapper().readTree(KubeYaml.write(object));
            assertThat(identified.put(id, asRead)).as("%s appears once", id).isNull();
        }
        return identified;
    }
}
