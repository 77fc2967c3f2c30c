package dev.mlgitops.layout;

import static dev.mlgitops.layout.OverlaysBuildTheFullRenderingTest.byIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.GenerateOptions;
import dev.mlgitops.Generation;
import dev.mlgitops.MlGitops;
import dev.mlgitops.finding.Finding;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The layout's promise on the real thing: the reference file through the whole pipeline, and
 * {@code kubectl kustomize overlays/<env>/<stage>} yields exactly that environment's rendering of
 * the stage as {@link Placement#place} puts it, for every environment and every stage it has.
 */
class ReferenceOverlaysTest {

    private static final Path REFERENCE = Path.of("../example-repo/mlproject.yaml");

    @TempDir
    Path output;

    @Test
    void everyOverlayOfTheReferenceBuildsExactlyItsEnvironmentsRendering() {
        Generation generation = MlGitops.build(REFERENCE, GenerateOptions.defaults());
        assertThat(generation.findings().sorted()).filteredOn(Finding::isError).isEmpty();
        OutputTree tree = generation.tree().orElseThrow();
        TreeWriter.write(tree, output);
        Path root = output.resolve(tree.root());
        ResolvedProject project = MlGitops.validate(REFERENCE, GenerateOptions.defaults()).project().orElseThrow();

        List<String> built = new ArrayList<>();
        for (ResolvedEnvironment environment : project.environments()) {
            Target target = environment.target().orElseThrow();
            Map<Stage, List<TypedObject>> byStage = Placement.place(target, rendering(environment)).stream()
                    .collect(Collectors.groupingBy(TypedObject::stage, TreeMap::new, Collectors.toList()));
            byStage.forEach((stage, objects) -> {
                Path overlay = root.resolve("overlays/" + target.environment() + "/" + stage.folder());
                assertThat(byIdentity(Kustomize.build(overlay))).as("kubectl kustomize %s", root.relativize(overlay))
                        .isEqualTo(byIdentity(objects.stream().map(ReferenceOverlaysTest::asWritten).toList()));
                built.add(target.environment() + "/" + stage.folder());
            });
        }
        // every stage the reference renders, in each environment that keeps it (notebooks only in dev)
        assertThat(built).contains("dev/tenancy", "dev/feature-store", "dev/model-registry", "dev/notebooks",
                "dev/serving", "staging/feature-store", "staging/model-registry", "prod/feature-store",
                "prod/model-registry", "prod/tenancy").doesNotContain("staging/notebooks", "prod/notebooks");
    }

    /** The environment's typed objects, as the pipeline renders them. */
    private static List<TypedObject> rendering(ResolvedEnvironment environment) {
        Findings findings = new Findings();
        List<TypedObject> objects = new Typer().type(
                new Renderer(Blueprints.of(Optional.empty())).render(environment, findings), findings);
        assertThat(findings.hasErrors()).as("rendering %s", environment.name()).isFalse();
        return objects;
    }

    /**
     * The object as the YAML parser reads it back from its written text, the way kubectl's output
     * is read: the typed tree may hold a number as another node class of the same value.
     */
    private static ObjectNode asWritten(TypedObject object) {
        return (ObjectNode) KubeYaml.mapper().readTree(KubeYaml.write(object.manifest()));
    }
}
