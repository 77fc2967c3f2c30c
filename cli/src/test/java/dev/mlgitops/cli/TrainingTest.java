package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's training run: every command it runs on the starter spec and on the example project
 * (a resource of the jar: a missing one fails its validate) must exit clean, or no archive is kept.
 */
class TrainingTest {

    @TempDir
    Path folder;

    @Test
    void everyCommandOfTheTrainingRunExitsCleanOnTheStarterWithEveryStageAndOnTheExampleProject() {
        int failed = Training.run(folder);

        assertThat(failed).isZero();
        assertThat(folder.resolve("target/mlgitops/projects/training/argocd/prod/root.yaml")).isRegularFile();
        // the example project, with engines no starter uses
        assertThat(folder.resolve("example/mlproject.yaml")).content().contains("engine: vllm", "engine: pytorchjob", "engine: kserve");
    }

    @Test
    void aCommandThatFailsIsCounted() throws Exception {
        Files.writeString(folder.resolve("mlproject.yaml"), "not: a spec\n");

        // init refuses to overwrite the spec, and every later command on it finds it broken; the example's validate runs clean
        assertThat(Training.run(folder)).isEqualTo(5);
    }
}
