package dev.mlgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.layout.OutputTree;
import org.junit.jupiter.api.Test;

/** The tree committed under example-repo/gitops/ is what the generator produces from example-repo/mlproject.yaml now. */
class CommittedTreeTest {

    @Test
    void committedTreeIsWhatTheGeneratorProducesNow() {
        BuildOutcome generation = Builder.build(Repository.exampleRepo().resolve("mlproject.yaml"), BuildOptions.defaults());

        assertThat(generation.findings().hasErrors())
                .as("example-repo/mlproject.yaml has errors:%n%s", generation.findings().sorted().stream()
                        .map(finding -> finding.format(generation.sourceFile()))
                        .collect(Collectors.joining("\n")))
                .isFalse();
        OutputTree tree = generation.tree().orElseThrow();
        Path committed = Repository.committedGitops().resolve(tree.root());

        List<String> differences = Trees.differences(tree.files(), Trees.read(committed));

        assertThat(differences)
                .as("%s differs from what the generator produces now:%n%s%nRefresh it from the repository root with:%n  %s%n",
                        Repository.root().relativize(committed), String.join("\n", differences), Repository.REFRESH_COMMAND)
                .isEmpty();
    }
}
