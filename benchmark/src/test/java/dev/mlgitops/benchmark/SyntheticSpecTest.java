package dev.mlgitops.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.Builder;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedProject;

class SyntheticSpecTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000})
    void validatesWithoutErrors(int n) throws IOException {
        Path spec = Files.writeString(folder.resolve("mlproject.yaml"), SyntheticSpec.of(n, 42));

        Findings findings = new Findings();
        Optional<ResolvedProject> project = Builder.resolve(spec, BuildOptions.defaults(), findings);

        assertThat(findings.sorted()).filteredOn(Finding::isError).isEmpty();
        assertThat(project).isPresent();
        assertThat(project.get().environments()).hasSize(3);
    }

    @Test
    void holdsTheAskedMixOfItems() {
        String yaml = SyntheticSpec.of(100, 42);

        assertThat(count(yaml, "\n    model-")).isEqualTo(100);
        assertThat(count(yaml, "engine: kserve")).isEqualTo(33);
        assertThat(count(yaml, "engine: deployment")).isEqualTo(67);
        assertThat(count(yaml, "\n    pipe-")).isEqualTo(25);
        assertThat(count(yaml, "engine: argo-workflows")).isEqualTo(13);
        assertThat(count(yaml, "engine: kubernetes-job")).isEqualTo(12);
        assertThat(count(yaml, "\n          image: trainer")).isEqualTo(25 * 5);
        assertThat(count(yaml, "\n    nb-")).isEqualTo(25);
        assertThat(yaml).contains("\n    dev:\n", "\n    staging:\n", "\n    prod:\n");
    }

    @Test
    void isTheSameForTheSameSeedAndDiffersForAnother() {
        assertThat(SyntheticSpec.of(100, 42)).isEqualTo(SyntheticSpec.of(100, 42));
        assertThat(SyntheticSpec.of(100, 43)).isNotEqualTo(SyntheticSpec.of(100, 42));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
