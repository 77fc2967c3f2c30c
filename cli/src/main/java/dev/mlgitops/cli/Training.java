package dev.mlgitops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launcher's training run ({@code bin/mlgitops}, see docs/cli.md): the commands a user runs,
 * on a starter spec with every stage, then {@code validate --output json} on the example project
 * (example-repo/mlproject.yaml, copied into the jar at build time), whose engines and options the
 * starter does not use (validate runs the whole pipeline but the writer, which the starter's
 * generate covers), in a temporary folder, printing nothing. The launcher runs
 * it once per JVM with {@code -XX:ArchiveClassesAtExit} (JDK 13 to 24) or {@code -XX:AOTCacheOutput}
 * (JDK 25 and later), so the archive holds what
 * the usage, {@code validate}, {@code generate}, {@code check} and {@code diff} load, whatever command the
 * user happens to run first. Exits 0 only when every command ran clean, so the launcher keeps no
 * archive of a run that went wrong.
 */
public final class Training {

    static final String STAGES = "feature-store,notebooks,training,model-registry,serving,monitoring";

    /** The example project, a resource of this jar: argo-workflows, pytorchjob, kserve, vllm, ingresses, auth. */
    static final String EXAMPLE = "training/mlproject.yaml";

    private Training() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Path folder = Files.createTempDirectory("mlgitops-training-");
        int failed;
        try {
            failed = run(folder);
        } finally {
            delete(folder);
        }
        System.exit(failed == 0 ? ExitCodes.CLEAN : ExitCodes.FINDINGS);
    }

    /** @return how many of the commands did not exit clean */
    static int run(Path folder) {
        String spec = folder.resolve("mlproject.yaml").toString();
        String tree = folder.resolve("target/mlgitops").toString();
        String review = folder.resolve("target/review.md").toString();
        String example = folder.resolve("example/mlproject.yaml").toString();
        List<List<String>> commands = List.of(
                // the whole command line (every subcommand built), as the usage and a mistyped command have it
                List.of("--help"),
                List.of("init", folder.toString(), "--name", "training", "--stages", STAGES),
                List.of("validate", spec),
                List.of("generate", spec, "--output-directory", tree, "--no-incremental"),
                List.of("check", spec, "--output-directory", tree),
                List.of("diff", spec, "--output-directory", tree, "--review", review),
                // the example project in JSON: its engines and the JSON output in one run
                List.of("validate", example, "--output", "json"));
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        int failed = 0;
        copyExample(folder.resolve("example"));
        for (List<String> command : commands) {
            String[] args = command.toArray(String[]::new);
            if (Main.commandLineFor(sink, sink, args).execute(args) != ExitCodes.CLEAN) {
                failed++;
            }
        }
        return failed;
    }

    /** Writes the example project's spec into the folder; without it (a jar built otherwise) its commands fail and count. */
    private static void copyExample(Path folder) {
        try (InputStream in = Training.class.getResourceAsStream(EXAMPLE)) {
            if (in != null) {
                Files.createDirectories(folder);
                Files.write(folder.resolve("mlproject.yaml"), in.readAllBytes());
            }
        } catch (IOException e) {
            // its commands then fail on the missing spec and are counted
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("deleting the training run's " + path, e);
                }
            });
        }
    }
}
