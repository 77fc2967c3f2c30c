package dev.mlgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: cli/target/mlgitops-&lt;version&gt;.tar.gz unpacked, and
 * {@code bin/mlgitops} run on the reference spec with its own cache folder, against plain
 * {@code java -jar} on the same jar. The launcher may only change how fast a command runs:
 * exit code, stdout, stderr and the written tree are compared byte for byte (generate's own
 * timing and folder in its summary aside).
 */
class DistributionIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("mlgitops.cli.distribution",
            "target/mlgitops-0.1.0-SNAPSHOT.tar.gz")).toAbsolutePath();
    private static final String VERSION = DISTRIBUTION.getFileName().toString()
            .replaceFirst("^mlgitops-", "").replaceFirst("\\.tar\\.gz$", "");

    @TempDir
    Path temp;

    private Path home;
    private Path cache;

    @BeforeEach
    void unpack() throws Exception {
        Path unpacked = Files.createDirectories(temp.resolve("dist"));
        Run tar = run(unpacked, Map.of(), List.of("tar", "xzf", DISTRIBUTION.toString()));
        assertThat(tar.exit()).as(tar.err()).isZero();
        home = unpacked.resolve("mlgitops-" + VERSION);
        cache = temp.resolve("cache");
    }

    @Test
    void bothArchivesHoldTheLaunchersAndTheJar() throws IOException {
        assertThat(home.resolve("bin/mlgitops")).isExecutable();
        assertThat(Files.readString(home.resolve("bin/mlgitops"))).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.readString(home.resolve("bin/mlgitops.cmd"))).startsWith("@echo off\r\n");
        assertThat(home.resolve("lib/mlgitops-cli-" + VERSION + ".jar")).isRegularFile();

        Path zip = DISTRIBUTION.resolveSibling("mlgitops-" + VERSION + ".zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = file.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).sorted().toList();
            String base = "mlgitops-" + VERSION + "/";
            assertThat(names).containsExactly(base + "bin/mlgitops", base + "bin/mlgitops.cmd",
                    base + "lib/mlgitops-cli-" + VERSION + ".jar");
            assertThat(file.getEntry(base + "lib/mlgitops-cli-" + VERSION + ".jar").getSize())
                    .isEqualTo(Files.size(home.resolve("lib/mlgitops-cli-" + VERSION + ".jar")));
        }
    }

    @Test
    void theFirstRunMakesTheArchiveAndTheSecondLoadsTheToolFromIt() throws Exception {
        Path work = project("work");

        Run first = launcher(work, Map.of(), "validate");
        List<Path> archives = archives();
        Run second = launcher(work, Map.of("MLGITOPS_JAVA_OPTS", "-Xlog:class+load:file=" + temp.resolve("classes.log")), "validate");

        Run plain = plain(work, "validate");
        assertThat(plain.out()).startsWith("mlgitops: mlproject.yaml is valid\n");
        assertThat(first).isEqualTo(plain);
        assertThat(second).isEqualTo(plain);
        assertThat(archives).hasSize(1);
        Path archive = archives.get(0);
        assertThat(archive.getParent()).isEqualTo(cache.resolve("mlgitops").resolve(VERSION));
        assertThat(archive.getFileName().toString()).matches("jvm-[0-9]+-" + Files.size(archive) + "\\.jsa");
        // the second run made nothing new (-Xlog options are not part of the key) and used the archive
        assertThat(archives()).containsExactly(archive);
        assertThat(Files.readString(temp.resolve("classes.log")))
                .containsPattern("dev\\.mlgitops\\.cli\\.ValidateSubcommand source: shared objects file \\(top\\)")
                .containsPattern("tools\\.jackson\\.databind\\.ObjectMapper source: shared objects file \\(top\\)");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void onJdk25TheFirstRunMakesAnAotCacheAndTheSecondLoadsTheToolFromIt() throws Exception {
        Path jdk = newerJdk(25);
        Path work = project("work");
        Map<String, String> java25 = Map.of("JAVA_HOME", jdk.toString());

        Run first = launcher(work, java25, "validate");
        List<Path> caches = archives(".aot");
        Map<String, String> logging = new HashMap<>(java25);
        logging.put("MLGITOPS_JAVA_OPTS", "-Xlog:class+load:file=" + temp.resolve("classes.log"));
        Run second = launcher(work, logging, "validate");

        // the same bytes out as java -jar on the JVM the tests run on
        Run plain = plain(work, "validate");
        assertThat(first).isEqualTo(plain);
        assertThat(second).isEqualTo(plain);
        assertThat(archives()).isEmpty();
        assertThat(caches).hasSize(1);
        Path aot = caches.get(0);
        assertThat(aot.getFileName().toString()).matches("jvm-[0-9]+-" + Files.size(aot) + "\\.aot");
        assertThat(archives(".aot")).containsExactly(aot);
        assertThat(Files.readString(temp.resolve("classes.log")))
                .containsPattern("dev\\.mlgitops\\.cli\\.ValidateSubcommand source: shared objects file")
                .containsPattern("tools\\.jackson\\.databind\\.ObjectMapper source: shared objects file");
        // the training run's recorded configuration is gone with it
        assertThat(leftovers()).isEmpty();

        // damaged inside: the checksum refuses it and the command runs as usual
        aot.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(aot.toFile(), "rw")) {
            file.seek(Files.size(aot) / 2);
            file.write(new byte[65536]);
        }
        assertThat(launcher(work, java25, "validate")).isEqualTo(plain);
        assertThat(work.toFile().list()).noneMatch(name -> name.startsWith("hs_err"));
    }

    @Test
    void generateWritesTheSameTreeAndPrintsTheSameAsJavaJar() throws Exception {
        Path viaLauncher = project("launcher");
        Path viaJar = project("jar");

        Run trained = launcher(viaLauncher, Map.of(), "generate").normalized(viaLauncher);
        delete(viaLauncher.resolve("target"));
        Run launcher = launcher(viaLauncher, Map.of(), "generate").normalized(viaLauncher);
        Run plain = plain(viaJar, "generate").normalized(viaJar);

        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("mlgitops: writing 157 files\n");
        assertThat(plain.out()).contains("mlgitops: tree is in <folder>/target/mlgitops/projects/fraud-detection\n");
        assertThat(trained).isEqualTo(plain);
        assertThat(launcher).isEqualTo(plain);
        Map<String, String> tree = tree(viaJar.resolve("target/mlgitops"));
        assertThat(tree).hasSize(157);
        assertThat(tree(viaLauncher.resolve("target/mlgitops"))).isEqualTo(tree);
    }

    @Test
    void aTruncatedArchiveIsReplacedAndTheCommandRunsAsUsual() throws Exception {
        Path work = project("work");
        launcher(work, Map.of(), "validate");
        Path archive = archives().get(0);
        long size = Files.size(archive);
        archive.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(size / 2);
        }

        Run run = launcher(work, Map.of(), "validate");

        assertThat(run).isEqualTo(plain(work, "validate"));
        // made again, whole: each training run's archive differs from the last by a few pages
        assertThat(archives()).hasSize(1).allSatisfy(again ->
                assertThat(again.getFileName().toString()).endsWith("-" + Files.size(again) + ".jsa"));
        assertThat(work.toFile().list()).noneMatch(name -> name.startsWith("hs_err"));  // no log of a crashed JVM
    }

    @Test
    void anArchiveDamagedInsideIsRefusedByTheJvmAndTheCommandRunsAsUsual() throws Exception {
        Path work = project("work");
        launcher(work, Map.of(), "validate");
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(Files.size(archive) / 2);
            file.write(new byte[65536]);
        }

        Run run = launcher(work, Map.of(), "generate");

        Path jar = project("jar");
        assertThat(run.normalized(work)).isEqualTo(plain(jar, "generate").normalized(jar));
        assertThat(work.resolve("target/mlgitops/projects/fraud-detection/argocd/prod/root.yaml")).isRegularFile();
        assertThat(work.toFile().list()).containsExactlyInAnyOrder("mlproject.yaml", "target");
    }

    @Test
    void aCacheFolderThatCannotBeMadeOnlyCostsSpeed() throws Exception {
        Path work = project("work");
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder\n");

        Run run = launcher(work, Map.of("XDG_CACHE_HOME", file.resolve("cache").toString()), "validate");

        assertThat(run).isEqualTo(plain(work, "validate"));
        assertThat(Files.readString(file)).isEqualTo("not a folder\n");
    }

    @Test
    void aReadOnlyCacheFolderOnlyCostsSpeed() throws Exception {
        Path work = project("work");
        Path folder = Files.createDirectories(cache.resolve("mlgitops").resolve(VERSION));
        assertThat(folder.toFile().setWritable(false, false)).isTrue();
        try {
            Run run = launcher(work, Map.of(), "validate");

            assertThat(run).isEqualTo(plain(work, "validate"));
            if (!Files.isWritable(folder)) {  // root writes anyway: then it is the plain first run
                assertThat(archives()).isEmpty();
            }
        } finally {
            folder.toFile().setWritable(true, false);
        }
    }

    @Test
    void aJvmWhoseVersionCannotBeReadRunsWithoutAnArchive() throws Exception {
        Path work = project("work");
        Path jdk = Files.createDirectories(temp.resolve("jdk/bin"));
        Files.createSymbolicLink(jdk.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        // a JAVA_HOME with no release file and no base archive of its own beside the java it links to
        Path javaHome = jdk.getParent();

        Run run = launcher(work, Map.of("JAVA_HOME", javaHome.toString()), "validate");

        assertThat(run).isEqualTo(plain(work, "validate"));
    }

    @Test
    void twoFirstRunsAtOnceLeaveWholeArchivesAndNothingAside() throws Exception {
        Path one = project("one");
        Path two = project("two");

        Started first = start(one, Map.of(), "validate");
        Started second = start(two, Map.of(), "validate");
        Run firstRun = finish(first);
        Run secondRun = finish(second);

        Run plain = plain(one, "validate");
        assertThat(firstRun).isEqualTo(plain);
        assertThat(secondRun).isEqualTo(plain);
        assertThat(archives()).isNotEmpty().allSatisfy(archive ->
                assertThat(archive.getFileName().toString()).endsWith("-" + Files.size(archive) + ".jsa"));
        assertThat(leftovers()).isEmpty();
        // and a third run uses what they left
        assertThat(launcher(one, Map.of(), "validate")).isEqualTo(plain);
    }

    // ---- helpers

    record Run(int exit, String out, String err) {

        /** The same run as if in a folder named {@code <folder>}, and taking no time. */
        Run normalized(Path folder) {
            return new Run(exit, normalize(out, folder), normalize(err, folder));
        }

        private static String normalize(String text, Path folder) {
            return text.replace(folder.toString(), "<folder>").replaceAll("done in [0-9.]+ s", "done in N s");
        }
    }

    private Path project(String name) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.copy(Cli.REFERENCE, folder.resolve("mlproject.yaml"));
        return folder;
    }

    private List<Path> archives() throws IOException {
        return archives(".jsa");
    }

    /** The launcher's archives in the cache folder: {@code .jsa} class-data archives or {@code .aot} AOT caches. */
    private List<Path> archives(String suffix) throws IOException {
        Path folder = cache.resolve("mlgitops").resolve(VERSION);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * A JDK of at least {@code major} beside the one the tests run on: {@code mlgitops.test.jdk25}, else
     * the first under /usr/lib/jvm whose release file says so (these machines have Temurin 25 there).
     * Without one the test cannot say anything, so it is not run (an assumption, named in its message).
     */
    private static Path newerJdk(int major) throws IOException {
        String given = System.getProperty("mlgitops.test.jdk25", "");
        List<Path> candidates = new ArrayList<>();
        if (!given.isEmpty()) {
            candidates.add(Path.of(given));
        } else if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
            try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
                homes.sorted().forEach(candidates::add);
            }
        }
        for (Path home : candidates) {
            Path release = home.resolve("release");
            if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
                Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"([0-9]+)")
                        .matcher(Files.readString(release));
                if (version.find() && Integer.parseInt(version.group(1)) >= major) {
                    return home;
                }
            }
        }
        Assumptions.abort("no JDK " + major + " or later here (set -Dmlgitops.test.jdk25=<its home>)");
        return null;
    }

    /** Files the launcher writes aside (dot files) and did not move or remove. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".")).toList();
        }
    }

    /** A started process and the files its stdout and stderr go to. */
    private record Started(Process process, Path out, Path err) {
    }

    private Run launcher(Path folder, Map<String, String> env, String... args) throws Exception {
        return finish(start(folder, env, args));
    }

    private Started start(Path folder, Map<String, String> env, String... args) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("XDG_CACHE_HOME", cache.toString(), "HOME", temp.resolve("home").toString()));
        all.putAll(env);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mlgitops").toString()));
        command.addAll(List.of(args));
        return start(folder, all, command);
    }

    private Run plain(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", home.resolve("lib/mlgitops-cli-" + VERSION + ".jar").toString()));
        command.addAll(List.of(args));
        return run(folder, Map.of("HOME", temp.resolve("home").toString()), command);
    }

    private Run run(Path folder, Map<String, String> env, List<String> command) throws Exception {
        return finish(start(folder, env, command));
    }

    private Started start(Path folder, Map<String, String> env, List<String> command) throws IOException {
        Path output = Files.createTempDirectory(temp, "output-");
        Started started = new Started(null, output.resolve("out"), output.resolve("err"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(started.out().toFile())
                .redirectError(started.err().toFile());
        // only what a test sets reaches the launcher and the JVM
        builder.environment().keySet().removeAll(List.of("MLGITOPS_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return new Started(builder.start(), started.out(), started.err());
    }

    private static Run finish(Started started) throws Exception {
        assertThat(started.process().waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(started.process().exitValue(), Files.readString(started.out(), StandardCharsets.UTF_8),
                Files.readString(started.err(), StandardCharsets.UTF_8));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Every file under a folder, by its relative path, with its text. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
