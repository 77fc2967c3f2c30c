package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run: every command it runs on the starter spec must exit clean, or no archive is kept. */
class TrainingTest {

    @TempDir
    Path folder;

    @Test
    void everyCommandOfTheTrainingRunExitsCleanOnTheStarterWithEveryStage() {
        int failed = Training.run(folder);

        assertThat(failed).isZero();
        assertThat(folder.resolve("target/mlgitops/projects/training/argocd/prod/root.yaml")).isRegularFile();
        // the example project's engines too, which no starter spec uses: KServe, the PyTorchJob, Argo Workflows
        Path base = folder.resolve("example/target/mlgitops/projects/fraud-detection/base");
        assertThat(base.resolve("serving/inferenceservice-fraud-detection-scorer.yaml")).isRegularFile();
        assertThat(base.resolve("training/pytorchjob-fraud-detection-distributed.yaml")).isRegularFile();
        assertThat(base.resolve("training/workflowtemplate-fraud-detection-nightly.yaml")).isRegularFile();
    }

    @Test
    void aCommandThatFailsIsCounted() throws Exception {
        Files.writeString(folder.resolve("mlproject.yaml"), "not: a spec\n");

        // init refuses to overwrite the spec, and every later command on it finds it broken; the example's two run clean
        assertThat(Training.run(folder)).isEqualTo(6);
    }
}
