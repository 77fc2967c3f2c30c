package dev.mlgitops.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The command-line tool cold, as a pre-commit hook or a CI job runs it (issue 16): each figure a
 * new process on the reference spec, {@code bin/mlgitops} of the unpacked distribution (class-data
 * archive and {@code -XX:TieredStopAtLevel=1}) against plain {@code java -jar} on the same jar,
 * the two alternating so a burst of load on the shared machine hits both alike. Also the classes
 * each command loads ({@code -Xlog:class+load}), by library, and how many come from the archive.
 */
final class ColdStart {

    /** The libraries a class can come from, by package prefix; the first that matches counts it. */
    static final Map<String, Predicate<String>> LIBRARIES = libraries();

    private final Path repository;
    private final Path scratch;
    private final int runs;

    ColdStart(Path repository, Path scratch, boolean quick) {
        this.repository = repository;
        this.scratch = scratch;
        this.runs = quick ? 3 : 7;
    }

    /** @param generate median ratio launcher / plain for a full generate; likewise validate */
    record Figures(double generate, double validate, long firstUse) {
    }

    Figures run() throws IOException {
        Path tarball = distribution();
        Path unpacked = Files.createDirectories(scratch.resolve("distribution"));
        Command.run(unpacked, List.of("tar", "xzf", tarball.toString()));
        Path home;
        try (Stream<Path> children = Files.list(unpacked)) {
            home = children.findFirst().orElseThrow();
        }
        Path launcher = home.resolve("bin/mlgitops");
        Path jar;
        try (Stream<Path> children = Files.list(home.resolve("lib"))) {
            jar = children.filter(f -> f.getFileName().toString().startsWith("mlgitops-cli-")).findFirst().orElseThrow();
        }
        Path cache = scratch.resolve("cache");
        Path work = Files.createDirectories(scratch.resolve("cold"));
        Files.copy(repository.resolve("example-repo/mlproject.yaml"), work.resolve("mlproject.yaml"));
        Path out = work.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String> plain = List.of(java, "-jar", jar.toString());
        List<String> viaLauncher = List.of(launcher.toString());
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_HOME", System.getProperty("java.home"));
        // the whole work each time: no stamp read, none written
        List<String> generate = List.of("generate", "-q", "--no-incremental", "--output-directory", out.toString());
        List<String> validate = List.of("validate", "-q");

        Command.run(work, concat(plain, validate), Map.of());  // the jar into the page cache
        Runs first = new Runs();
        first.time(work, concat(viaLauncher, validate), env);  // the training run, then the command
        long firstUse = first.wall();
        Runs plainGenerate = new Runs();
        Runs launcherGenerate = new Runs();
        Runs plainValidate = new Runs();
        Runs launcherValidate = new Runs();
        // the same two ways with no pipeline work: what a JVM, picocli and the launcher cost on their own
        Runs plainVersion = new Runs();
        Runs launcherVersion = new Runs();
        for (int i = 0; i < runs; i++) {
            Benchmark.delete(out);
            plainGenerate.time(work, concat(plain, generate), Map.of());
            Benchmark.delete(out);
            launcherGenerate.time(work, concat(viaLauncher, generate), env);
            plainValidate.time(work, concat(plain, validate), Map.of());
            launcherValidate.time(work, concat(viaLauncher, validate), env);
            plainVersion.time(work, concat(plain, List.of("--version")), Map.of());
            launcherVersion.time(work, concat(viaLauncher, List.of("--version")), env);
        }
        double generateRatio = launcherGenerate.wall() / (double) plainGenerate.wall();
        double validateRatio = launcherValidate.wall() / (double) plainValidate.wall();

        System.out.println("The command-line tool, cold, on the reference (each a new process; medians of " + runs + ", alternating)");
        System.out.printf(Locale.ROOT, "  first use of bin/mlgitops (training run and archive, then validate): %.0f ms (cpu %.0f ms);"
                + " archive %s%n", firstUse / 1e6, first.cpu() / 1e6, archiveSize(cache));
        row("generate", plainGenerate, launcherGenerate, generateRatio);
        row("validate", plainValidate, launcherValidate, validateRatio);
        row("--version", plainVersion, launcherVersion, launcherVersion.wall() / (double) plainVersion.wall());
        System.out.println();

        System.out.println("Classes loaded per command (-Xlog:class+load), reference spec; by library");
        List<String> names = new ArrayList<>(LIBRARIES.keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-26s %7s", "command", "total"));
        names.forEach(name -> header.append(String.format(Locale.ROOT, " %9s", name)));
        header.append("   bin/mlgitops: from the archive / from jars");
        System.out.println(header);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("--version", List.of("--version"));
        commands.put("validate", validate);
        commands.put("generate", generate);
        // the first writes the stamp, the second finds the tree as the first left it
        commands.put("generate, up to date", List.of("generate", "-q", "--output-directory", out.toString()));
        commands.put("check", List.of("check", "-q", "--output-directory", out.toString()));
        commands.put("diff", List.of("diff", "-q", "--output-directory", out.toString(), "--review", work.resolve("review.md").toString()));
        Command.run(work, concat(plain, commands.get("generate, up to date")), Map.of());  // writes the stamp
        for (Map.Entry<String, List<String>> command : commands.entrySet()) {
            Path log = work.resolve("classes.log");
            Files.deleteIfExists(log);
            Command.run(work, concat(List.of(java, "-Xlog:class+load:file=" + log), List.of("-jar", jar.toString()), command.getValue()), Map.of());
            List<String> plainClasses = classes(log);
            Files.deleteIfExists(log);
            Map<String, String> logging = new LinkedHashMap<>(env);
            logging.put("MLGITOPS_JAVA_OPTS", "-Xlog:class+load:file=" + log);
            Command.run(work, concat(viaLauncher, command.getValue()), logging);
            List<String> launcherClasses = classes(log);
            long shared = launcherClasses.stream().filter(line -> line.contains("source: shared objects file")).count();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-26s %7d", "mlgitops " + command.getKey(), plainClasses.size()));
            for (Predicate<String> library : LIBRARIES.values()) {
                row.append(String.format(Locale.ROOT, " %9d", plainClasses.stream().map(ColdStart::className).filter(library).count()));
            }
            row.append(String.format(Locale.ROOT, "   %d / %d", shared, launcherClasses.size() - shared));
            System.out.println(row);
        }
        System.out.println("  (the library columns count the plain java -jar run; jdk = java.*, javax.*, jdk.*, sun.*, com.sun.*)");
        System.out.println();
        return new Figures(generateRatio, validateRatio, firstUse);
    }

    private static void row(String command, Runs plain, Runs launcher, double ratio) {
        System.out.printf(Locale.ROOT, "  %-9s java -jar:     %s ms; median %.0f ms (cpu %.0f ms)%n", command, millis(plain.walls),
                plain.wall() / 1e6, plain.cpu() / 1e6);
        System.out.printf(Locale.ROOT, "  %-9s bin/mlgitops: %s ms; median %.0f ms (cpu %.0f ms); bin/mlgitops / java -jar = %.2f"
                        + " (cpu %.2f)%n", command, millis(launcher.walls), launcher.wall() / 1e6, launcher.cpu() / 1e6, ratio,
                launcher.cpu() / (double) plain.cpu());
    }

    /**
     * Wall and CPU times of one command's runs. The CPU time is the children's (user and system,
     * {@code /proc/self/stat}'s cutime and cstime): a run's process, once waited for, adds its own
     * and its waited-for children's (the launcher's training run) there. On a loaded machine wall
     * time counts the waiting for a core, CPU time does not.
     */
    private static final class Runs {
        private final List<Long> walls = new ArrayList<>();
        private final List<Long> cpus = new ArrayList<>();

        void time(Path folder, List<String> command, Map<String, String> environment) {
            long before = childrenCpuNanos();
            walls.add(Command.time(folder, command, environment));
            cpus.add(childrenCpuNanos() - before);
        }

        long wall() {
            return Sample.medianOf(walls);
        }

        long cpu() {
            return Sample.medianOf(cpus);
        }
    }

    /** The CPU time of this process's waited-for children, in nanoseconds (Linux; clock ticks of 10 ms). */
    static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the third field of the line (state); cutime and cstime are the 16th and 17th
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
        } catch (IOException e) {
            throw new IllegalStateException("reading /proc/self/stat: " + e.getMessage(), e);
        }
    }

    /** cli/target/mlgitops-&lt;version&gt;.tar.gz, which run.sh builds. */
    private Path distribution() throws IOException {
        try (Stream<Path> files = Files.list(repository.resolve("cli/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("mlgitops-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no cli/target/mlgitops-<version>.tar.gz: build the cli module first"));
        }
    }

    private static String archiveSize(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache)) {
            // a class-data archive, or an AOT cache on JDK 25 and later
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches(".*\\.(jsa|aot)")).toList();
            if (archives.isEmpty()) {
                return "NOT MADE";
            }
            long bytes = 0;
            for (Path archive : archives) {
                bytes += Files.size(archive);
            }
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
    }

    private static List<String> classes(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("source:")).toList();
        }
    }

    /** The class name of a {@code -Xlog:class+load} line: "[0.010s][info][class,load] java.lang.Object source: ...". */
    private static String className(String line) {
        String rest = line.substring(line.lastIndexOf(']') + 1).trim();
        return rest.substring(0, rest.indexOf(' '));
    }

    private static Map<String, Predicate<String>> libraries() {
        Map<String, Predicate<String>> libraries = new LinkedHashMap<>();
        libraries.put("jdk", name -> Stream.of("java.", "javax.", "jdk.", "sun.", "com.sun.").anyMatch(name::startsWith));
        libraries.put("mlgitops", name -> name.startsWith("dev.mlgitops."));
        libraries.put("jackson", name -> name.startsWith("tools.jackson.") || name.startsWith("com.fasterxml.jackson."));
        libraries.put("fabric8", name -> name.startsWith("io.fabric8."));
        libraries.put("networknt", name -> name.startsWith("com.networknt."));
        libraries.put("freemarker", name -> name.startsWith("freemarker."));
        libraries.put("jgit", name -> name.startsWith("org.eclipse.jgit."));
        libraries.put("picocli", name -> name.startsWith("picocli."));
        libraries.put("snakeyaml", name -> name.startsWith("org.snakeyaml."));
        return libraries;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> concat(List<String> first, List<String> second, List<String> third) {
        return concat(concat(first, second), third);
    }

    private static String millis(List<Long> nanos) {
        return nanos.stream().map(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList().toString();
    }
}
