package dev.mlgitops.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real Maven, forked: the same Maven that runs this build, in batch mode, with target/it-repo as
 * its local repository (filled by invoker:install in pre-integration-test) and it-settings.xml.
 */
final class ForkedMaven {

    private ForkedMaven() {
    }

    /** {@code dev.mlgitops:mlgitops-maven-plugin:<version>:<goal>}, for builds without a pom. */
    static String pluginGoal(String goal) {
        return "dev.mlgitops:mlgitops-maven-plugin:" + Repository.required("mlgitops.it.pluginVersion") + ":" + goal;
    }

    static Command.Result run(Path workingDirectory, String... arguments) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn(), "-B", "--no-transfer-progress", "-Dstyle.color=never",
                "-s", settings().toString(),
                "-Dmaven.repo.local=" + Repository.required("mlgitops.it.repository")));
        command.addAll(List.of(arguments));
        return Command.run(workingDirectory, command);
    }

    /** A new, empty folder under target/it for one test. */
    static Path freshFolder(String name) {
        Path folder = Path.of(Repository.required("mlgitops.it.workDirectory")).resolve(name);
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("making a fresh " + folder, e);
        }
    }

    private static String mvn() {
        String home = System.getProperty("mlgitops.it.mavenHome");
        return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /** it-settings.xml with the user's local repository filled in, under target/it. */
    private static synchronized Path settings() {
        Path settings = Path.of(Repository.required("mlgitops.it.workDirectory")).resolve("it-settings.xml");
        String userRepository = Path.of(Repository.required("mlgitops.it.userRepository")).toUri().toString();
        try (InputStream template = ForkedMaven.class.getResourceAsStream("/it-settings.xml")) {
            String text = new String(template.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("@localRepositoryUrl@", userRepository);
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, text, StandardCharsets.UTF_8);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + settings, e);
        }
    }
}
