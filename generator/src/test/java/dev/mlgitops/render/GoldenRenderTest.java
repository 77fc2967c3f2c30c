package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Stage;
import dev.mlgitops.yaml.KubeYaml;

/**
 * The typed objects of the reference, byte for byte, per rendering and stage. A change to a
 * blueprint, an engine or the writer shows here as a diff to review.
 *
 * <p>Refresh after an intended change, then read the diff before committing it:
 * {@code mvn -B -o test -Dtest=GoldenRenderTest -Dmlgitops.updateGolden=true} (in {@code generator/}).
 */
class GoldenRenderTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "render");
    private static final boolean UPDATE = Boolean.getBoolean("mlgitops.updateGolden");

    static Stream<Arguments> renderings() {
        return Arrays.stream(Stage.values()).flatMap(stage -> Stream.of(
                Arguments.of("reference-base", ReferenceProject.base(), stage),
                Arguments.of("reference-prod", ReferenceProject.prod(), stage)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("renderings")
    void rendersTheReferenceExactlyAsTheGoldenFile(String name, ResolvedEnvironment environment, Stage stage) throws IOException {
        Rendering rendering = Rendering.of(environment);
        assertThat(rendering.errors()).isEmpty();
        String actual = rendering.objects().stream()
                .filter(o -> o.stage() == stage)
                .map(o -> "# " + o.blueprint() + "\n" + KubeYaml.write(o.manifest()))
                .collect(Collectors.joining("---\n"));
        Path golden = GOLDEN.resolve(name).resolve(stage.folder() + ".yaml");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; refresh with -Dmlgitops.updateGolden=true").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
