package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: {@code java -jar mlgitops-cli.jar ...}, in a fresh JVM. */
class CliJarIT {

    private static final Path JAR = Path.of(System.getProperty("mlgitops.cli.jar", "target/mlgitops-cli-0.1.0-SNAPSHOT.jar"));

    @TempDir
    Path folder;

    @Test
    void initThenGenerateThenCheckRunFromTheExecutableJar() throws Exception {
        Result init = java("init", "--name", "churn", "--stages", "serving");
        Result generate = java("generate", "-q");
        Result check = java("check", "--output-directory", "target/mlgitops");

        assertThat(init.exitCode()).as(init.output()).isZero();
        assertThat(generate.exitCode()).as(generate.output()).isZero();
        // quiet: no table, no progress, and no SLF4J noise from JGit
        assertThat(generate.output()).isEmpty();
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("is in step with the spec");
        assertThat(folder.resolve("target/mlgitops/projects/churn/argocd/prod/root.yaml")).isRegularFile();
    }

    @Test
    void aUsageMistakeExitsTwo() throws Exception {
        Result run = java("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    private record Result(int exitCode, String output) {
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
