package dev.mlgitops.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs an external command (kubectl, mvn, git) and times it, failing loudly when it fails. */
final class Command {

    private Command() {
    }

    /** The wall time in nanoseconds of {@code command} run in {@code folder}; its output is discarded. */
    static long time(Path folder, List<String> command) {
        return time(folder, command, Map.of());
    }

    /** The same, with these variables added to the command's environment. */
    static long time(Path folder, List<String> command, Map<String, String> environment) {
        long start = System.nanoTime();
        run(folder, command, environment);
        return System.nanoTime() - start;
    }

    static void run(Path folder, List<String> command) {
        run(folder, command, Map.of());
    }

    static void run(Path folder, List<String> command, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("mlgitops-bench-", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                int exit = process.waitFor();
                if (exit != 0) {
                    String output = Files.readString(log, StandardCharsets.UTF_8);
                    throw new IllegalStateException(String.join(" ", command) + " (in " + folder + ") exited with "
                            + exit + ":\n" + output.substring(Math.max(0, output.length() - 4000)));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("running " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
