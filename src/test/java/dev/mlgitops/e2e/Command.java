package dev.mlgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program and keeps what it printed (stdout and stderr together) and its exit code. */
final class Command {

    private static final long TIMEOUT_MINUTES = 5;

    record Result(int exitCode, String output) {
    }

    private Command() {
    }

    static Result run(Path workingDirectory, List<String> command) throws InterruptedException {
        return run(workingDirectory, command, Map.of());
    }

    /** A program that cannot start gives exit code -1 and the reason as output, so callers fail with it. */
    static Result run(Path workingDirectory, List<String> command, Map<String, String> environment) throws InterruptedException {
        Path log;
        try {
            // output goes to a file rather than a pipe, so a child that hangs cannot block us past the timeout
            log = Files.createTempFile("mlgitops-command", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a file for the output of " + command.get(0), e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
            }
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return finished ? new Result(process.exitValue(), output)
                    : new Result(-1, output + "\n(timed out after " + TIMEOUT_MINUTES + " minutes)");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of " + String.join(" ", command), e);
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }
}
