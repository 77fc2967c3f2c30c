package dev.mlgitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stock git command line, so that what JGit made is read (and what "someone else" pushes is
 * written) by the real thing. Each run is bounded in time.
 */
final class GitCli {

    private GitCli() {
    }

    /** Runs git in {@code folder} and returns its standard output; fails the test on a non-zero exit. */
    static String git(Path folder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Someone Else",
                "-c", "user.email=someone@example.com", "-c", "init.defaultBranch=main", "-c", "protocol.file.allow=always"));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("git-out", ".txt");
            try {
                Process process = new ProcessBuilder(command).directory(folder.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("git " + String.join(" ", arguments) + " did not finish in 30 s");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertThat(process.exitValue()).as("git %s said:%n%s", String.join(" ", arguments), text).isZero();
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** An empty bare repository whose HEAD names main. */
    static Path bare(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(folder, "init", "--bare", "--quiet", "-b", "main");
        return folder;
    }

    /** Commits files (path to text) in another clone of {@code bare} on {@code branch} and pushes, as a colleague would. */
    static String pushFromElsewhere(Path bare, Path scratch, String branch, String message, Map<String, String> files) {
        Path clone = scratch.resolve("elsewhere-" + System.nanoTime());
        git(scratch, "clone", "--quiet", bare.toUri().toString(), clone.toString());
        if (!git(clone, "branch", "--list", "--all").contains("origin/" + branch)) {
            git(clone, "checkout", "--quiet", "--orphan", branch);
        } else {
            git(clone, "checkout", "--quiet", branch);
        }
        files.forEach((path, text) -> {
            try {
                Path file = clone.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        git(clone, "add", "--all");
        git(clone, "commit", "--quiet", "-m", message);
        git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/" + branch);
        return git(clone, "rev-parse", "HEAD").strip();
    }
}
