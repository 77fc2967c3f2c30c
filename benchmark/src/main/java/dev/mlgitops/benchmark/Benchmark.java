package dev.mlgitops.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.mlgitops.FindingLine;
import dev.mlgitops.GenerateResult;
import dev.mlgitops.MlGitops;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.git.CommitTreeResult;
import dev.mlgitops.layout.OutputTree;

/**
 * The performance benchmark of issue 5, one report per run (see benchmark/run.sh). A plain main
 * rather than JMH: the figures are whole runs of 10 ms to seconds, each needs its own allocation
 * and peak heap, half of them are other processes (kubectl, mvn, git), and the report relates
 * them to each other, which one JVM measuring everything in one pass does simply.
 *
 * <p>Arguments: {@code <repository root> [--quick] [--kustomize-all] [--only-n=<N>] [--cold-start]}; the last
 * measures only the command-line tool cold (issue 16), which needs no installed plugin.
 */
public final class Benchmark {

    private static final long SEED = 20261128L;
    private static final int[] SIZES = {10, 100, 1000};
    private static final int PUBLISHED_FILES = 10_000;
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    private final Path repository;
    private final boolean quick;
    private final boolean kustomizeAll;
    private final Path scratch;
    private final List<String> targets = new ArrayList<>();
    private int failures;

    /** @param scratchParent where the scratch folder goes; null for the system's temporary folder */
    private Benchmark(Path repository, boolean quick, boolean kustomizeAll, Path scratchParent) throws IOException {
        this.repository = repository;
        this.quick = quick;
        this.kustomizeAll = kustomizeAll;
        this.scratch = scratchParent == null ? Files.createTempDirectory("mlgitops-bench-")
                : Files.createTempDirectory(Files.createDirectories(scratchParent), "mlgitops-bench-");
    }

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".").toAbsolutePath().normalize();
        List<String> options = List.of(args);
        boolean quick = options.contains("--quick");
        // --scratch=/dev/shm: the output on a memory file system, so the figures are the tool's, not the disk's
        Path scratchParent = options.stream().filter(o -> o.startsWith("--scratch=")).findFirst()
                .map(o -> Path.of(o.substring("--scratch=".length())).toAbsolutePath()).orElse(null);
        Benchmark benchmark = new Benchmark(repository, quick, options.contains("--kustomize-all"), scratchParent);
        try {
            String only = options.stream().filter(o -> o.startsWith("--only-n=")).findFirst().orElse(null);
            String limit = options.stream().filter(o -> o.startsWith("--limit-n=")).findFirst().orElse(null);
            if (only != null) {
                benchmark.profileOnly(Integer.parseInt(only.substring("--only-n=".length())));
            } else if (limit != null) {
                benchmark.limitOnly(Integer.parseInt(limit.substring("--limit-n=".length())));
            } else if (options.contains("--cold-start")) {
                benchmark.coldStartOnly();
            } else {
                benchmark.run();
            }
        } finally {
            delete(benchmark.scratch);
        }
        System.exit(benchmark.failures == 0 ? 0 : 1);
    }

    /** For a profiler: the warm pipeline at one size, over and over, nothing else. */
    private void profileOnly(int n) throws IOException {
        Path spec = write("profile-" + n, SyntheticSpec.of(n, SEED));
        PipelineFigures figures = pipeline(spec, quick ? 1 : 3, quick ? 1 : 10);
        System.out.printf(Locale.ROOT, "N=%d, output on %s: %s%n", n, Files.getFileStore(scratch).type(), figures.first().describe());
        // the first run creates every file; on a slow file system that alone can take seconds
        System.out.printf(Locale.ROOT, "  again without a stamp, every file already there (writes nothing): %s%n",
                figures.fullRerun().describe());
    }

    /**
     * A spec beyond the documented size limit (issue 16: the 5,000-model spec ran out of memory):
     * one generate, timed, in this JVM's heap; it must be refused up front, not run out of memory.
     */
    private void limitOnly(int n) throws IOException {
        header();
        Path spec = write("limit-" + n, SyntheticSpec.of(n, SEED));
        Path out = Files.createTempDirectory(scratch, "limit-");
        Sample.Timed<GenerateResult> run = Sample.of(() -> MlGitops.generate(spec).setOutputDirectory(out).call());
        GenerateResult result = run.value();
        System.out.printf(Locale.ROOT, "N=%d (%.0f KiB): %s; %s%n", n, Files.size(spec) / 1024.0,
                result.passed() ? "generated" : "refused", run.sample().describe());
        result.findings().stream().filter(FindingLine::error).limit(3).forEach(f -> System.out.println("  " + f.text()));
        try (Stream<Path> files = Files.walk(out)) {
            long written = files.filter(Files::isRegularFile).count();
            target("N=" + n + " refused up front by a documented limit, nothing written, heap in use < 512 MiB",
                    !result.passed() && written == 0 && run.sample().inUseBytes() < 512L << 20,
                    "%s, %d files written, %.0f MiB in use (pools' peaks summed: %.0f MiB)",
                    result.passed() ? "generated" : "refused", written, run.sample().inUseBytes() / 1048576.0,
                    run.sample().peakHeapBytes() / 1048576.0);
        }
        targets.forEach(System.out::println);
    }

    /** Only the cold figures of issue 16: the command-line tool, and the Maven goal against mvn validate; their targets. */
    private void coldStartOnly() throws IOException {
        header();
        coldStartTargets(new ColdStart(repository, scratch, quick).run());
        MavenFigures maven = maven(quick ? 3 : 5, "");
        System.out.println("Through Maven, cold, on a copy of example-repo (each a new `mvn -o -q` process"
                + (System.getenv("BENCH_MAVEN_REPO") == null ? ")" : ", this build's plugin from a private local repository)"));
        maven.print();
        System.out.println();
        mavenTargets(maven);
        targets.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n%d of %d targets pass; load average at end %.2f%n", targets.size() - failures,
                targets.size(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Issue 16's Maven targets: what the goal adds to {@code mvn validate}, as a ratio of it, from one run. */
    private void mavenTargets(MavenFigures maven) {
        double full = maven.cost() / (double) maven.validate();
        double upToDate = maven.upToDateCost() / (double) maven.validate();
        target("Maven, full generate-resources adds <= 1.0 x mvn validate (issue 16)", full <= 1.0,
                "%.2f (%.0f ms on %.0f ms)", full, maven.cost() / 1e6, maven.validate() / 1e6);
        target("Maven, up-to-date generate-resources adds <= 0.3 x mvn validate (issue 16)", upToDate <= 0.3,
                "%.2f (%.0f ms on %.0f ms)", upToDate, maven.upToDateCost() / 1e6, maven.validate() / 1e6);
    }

    private void coldStartTargets(ColdStart.Figures cold) {
        target("cold generate on the reference: bin/mlgitops / java -jar <= 0.35 (issue 16)", cold.generate() <= 0.35,
                "%.2f", cold.generate());
        target("cold validate on the reference: bin/mlgitops / java -jar <= 0.3 (issue 16)", cold.validate() <= 0.3,
                "%.2f", cold.validate());
    }

    private void header() throws IOException {
        System.out.println("mlgitops benchmark");
        System.out.printf(Locale.ROOT, "  %s, %d cores, max heap %d MiB, load average at start %.2f%s; output written on %s%n",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), quick ? ", --quick" : "",
                Files.getFileStore(scratch).type());
        System.out.println("  times are medians of warm runs; cpu = the process's CPU time (both cores, GC and JIT included);");
        System.out.println("  allocated = bytes allocated by every thread;");
        System.out.println("  peak heap = sum of the heap pools' peaks after a GC and a reset (an upper bound: pools peak apart);");
        System.out.println("  in use = the most the heap held when a collection started; live = the most it held after one");
        System.out.println();
    }

    private void run() throws IOException {
        header();

        // 1. the reference project, warm
        Path reference = repository.resolve("example-repo/mlproject.yaml");
        // --quick saves on repetitions, not on warming up: a warm figure needs the JIT done, in either mode
        PipelineFigures ref = pipeline(reference, 20, quick ? 10 : 20);
        long refKustomize = kustomize(ref);
        System.out.println("Reference project (example-repo/mlproject.yaml), warm");
        ref.print();
        System.out.printf(Locale.ROOT, "  kubectl kustomize over its %d overlays: %.0f ms; generator / kustomize = %.3f%n%n",
                ref.overlays().size(), refKustomize / 1e6, ref.first().nanos() / (double) refKustomize);

        // 2. synthetic projects of growing size
        Map<Integer, PipelineFigures> bySize = new TreeMap<>();
        Map<Integer, Long> kustomizeBySize = new TreeMap<>();
        System.out.println("Synthetic projects (N models, N/4 pipelines of 5 steps, N/4 notebooks, 3 environments), warm");
        System.out.println("       N  spec KiB  files  objects   first run (cpu)       allocated  peak heap   unchanged rerun (written)"
                + "   kustomize (overlays)  gen/kust");
        for (int n : SIZES) {
            Path spec = write("synthetic-" + n, SyntheticSpec.of(n, SEED));
            int warmups = n >= 1000 ? 2 : n >= 100 ? 3 : 10;
            int runs = n >= 1000 ? (quick ? 1 : 3) : n >= 100 ? (quick ? 2 : 5) : (quick ? 3 : 10);
            PipelineFigures figures = pipeline(spec, warmups, runs);
            // kustomize takes minutes over N=1000's overlays on these machines; asked for with --kustomize-all
            long kust = n < 1000 || kustomizeAll ? kustomize(figures) : 0;
            if (kust == 0) {
                delete(figures.output());
            }
            bySize.put(n, figures);
            kustomizeBySize.put(n, kust);
            System.out.printf(Locale.ROOT, "  %6d  %8.0f  %5d  %7d  %8.0f ms (%6.0f ms)  %5.0f MiB  %5.0f MiB  %8.0f ms (%d written)      %8.0f ms (%2d)  %8.3f%n",
                    n, Files.size(spec) / 1024.0, figures.files(), figures.objects(), figures.first().millis(),
                    figures.first().cpuNanos() / 1e6,
                    mib(figures.first().allocatedBytes()), mib(figures.first().peakHeapBytes()),
                    figures.rerun().millis(), figures.rerunWritten(), kust / 1e6, figures.overlays().size(),
                    kust == 0 ? Double.NaN : figures.first().nanos() / (double) kust);
        }
        double linearity = bySize.get(1000).first().nanos() / (double) bySize.get(100).first().nanos();
        System.out.printf(Locale.ROOT, "  N=1000 / N=100 time: %.2f, cpu time: %.2f (10 would be exactly linear)%n%n", linearity,
                bySize.get(1000).first().cpuNanos() / (double) bySize.get(100).first().cpuNanos());

        // 3. through Maven, cold
        MavenFigures maven = maven(quick ? 3 : 5, "");
        System.out.println("Through Maven, cold, on a copy of example-repo (each a new `mvn -o -q` process"
                + (System.getenv("BENCH_MAVEN_REPO") == null ? ")" : ", this build's plugin from a private local repository)"));
        maven.print();
        // the README's tip for CI: most of a cold run is the JIT compiling, on the same two cores
        MavenFigures quickJit = maven(quick ? 3 : 5, QUICK_JIT);
        System.out.println("  the same with .mvn/jvm.config holding " + QUICK_JIT + " (both commands):");
        quickJit.print();
        System.out.println();

        // 3b. the command-line tool, cold: bin/mlgitops against java -jar
        ColdStart.Figures cold = new ColdStart(repository, scratch, quick).run();

        // 4. publishing 10,000 files
        GitFigures git = git(quick ? 1 : 3);
        System.out.printf(Locale.ROOT, "Publishing %,d files into a fresh repository and pushing to a bare one%n", PUBLISHED_FILES);
        System.out.printf(Locale.ROOT, "  JGit (GitOps.publish, push): %s ms; median %.0f ms%n", git.jgitList(), git.jgit() / 1e6);
        System.out.printf(Locale.ROOT, "  git CLI (clone, write, add -A, commit, push): %s ms; median %.0f ms%n", git.cliList(), git.cli() / 1e6);
        System.out.printf(Locale.ROOT, "  JGit / git CLI = %.2f%n%n", git.jgit() / (double) git.cli());

        // 5. targets
        PipelineFigures big = bySize.get(1000);
        System.out.println("Targets (issue 5)");
        target("reference project, whole pipeline warm < 100 ms", ref.first().millis() < 100,
                "%.1f ms (cpu %.1f ms)", ref.first().millis(), ref.first().cpuNanos() / 1e6);
        target("reference project through Maven, cold, full run, adds < 1 s to mvn validate", maven.cost() < 1_000_000_000L,
                "%.0f ms (%.0f ms with %s; up to date: %.0f ms)", maven.cost() / 1e6, quickJit.cost() / 1e6, QUICK_JIT,
                maven.upToDateCost() / 1e6);
        target("reference project, generator / kubectl kustomize < 0.2", ref.first().nanos() < 0.2 * refKustomize,
                "%.3f", ref.first().nanos() / (double) refKustomize);
        target("N=1000 warm < 4 s (output on " + Files.getFileStore(scratch).type() + ")", big.first().nanos() < 4_000_000_000L,
                "%.2f s (cpu %.2f s; %d objects)", big.first().nanos() / 1e9, big.first().cpuNanos() / 1e9, big.objects());
        // the most the heap held, as the collector saw it; the sum of the pools' own peaks can exceed the maximum heap
        target("N=1000 peak heap in use < 512 MiB (JVM max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)",
                big.first().inUseBytes() < 512L << 20, "%.0f MiB (pools' peaks summed: %.0f MiB)",
                mib(big.first().inUseBytes()), mib(big.first().peakHeapBytes()));
        target("linear growth: N=1000 / N=100 time < 12", linearity < 12, "%.2f", linearity);
        long rewrites = ref.rerunWritten() + bySize.values().stream().mapToLong(PipelineFigures::rerunWritten).sum();
        target("unchanged second run writes no file (reference and every N)", rewrites == 0, "%d files", rewrites);
        double rerunRatio = big.rerun().nanos() / (double) big.first().nanos();
        target("unchanged second run takes under a quarter of the first (N=1000; reference "
                        + String.format(Locale.ROOT, "%.2f", ref.rerun().nanos() / (double) ref.first().nanos()) + ")",
                rerunRatio < 0.25, "%.2f", rerunRatio);
        target("publishing 10,000 files: JGit within 2x of the git CLI", git.jgit() < 2 * git.cli(),
                "%.2f", git.jgit() / (double) git.cli());
        coldStartTargets(cold);
        mavenTargets(maven);
        targets.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n%d of %d targets pass; load average at end %.2f%n", targets.size() - failures,
                targets.size(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void target(String what, boolean pass, String format, Object... figures) {
        if (!pass) {
            failures++;
        }
        targets.add(String.format(Locale.ROOT, "  %-4s %-78s %s", pass ? "PASS" : "FAIL", what, String.format(Locale.ROOT, format, figures)));
    }

    // ---- the pipeline, in this JVM

    /**
     * @param first a first run into an empty folder (median of the measured runs)
     * @param rerun the same spec again into the folder the first run filled (median)
     * @param output the folder of the last run, kept for kubectl kustomize
     */
    record PipelineFigures(Sample first, Sample rerun, Sample fullRerun, long rerunWritten, int files, int objects,
                           Path output, List<Path> overlays) {

        void print() {
            System.out.printf(Locale.ROOT, "  first run into an empty folder: %s; %d files, %d objects%n", first.describe(), files, objects);
            System.out.printf(Locale.ROOT, "  unchanged second run:           %s; %d files written; second / first = %.2f%n",
                    rerun.describe(), rerunWritten, rerun.nanos() / (double) first.nanos());
            System.out.printf(Locale.ROOT, "  the same without a stamp:       %s; the whole pipeline, writing nothing; / first = %.2f%n",
                    fullRerun.describe(), fullRerun.nanos() / (double) first.nanos());
        }
    }

    private PipelineFigures pipeline(Path spec, int warmups, int runs) throws IOException {
        for (int i = 0; i < warmups; i++) {
            Path out = Files.createTempDirectory(scratch, "warm-");
            Path stamp = out.resolveSibling(out.getFileName() + ".stamp");
            generate(spec, out, stamp);
            generate(spec, out, stamp);
            generate(spec, out, null);
            delete(out);
        }
        List<Sample> firsts = new ArrayList<>();
        List<Sample> reruns = new ArrayList<>();
        List<Sample> fullReruns = new ArrayList<>();
        long rerunWritten = 0;
        Path out = null;
        GenerateResult last = null;
        for (int i = 0; i < runs; i++) {
            if (out != null) {
                delete(out);
            }
            last = null;  // hold nothing of the previous run while this one is measured
            Path folder = Files.createTempDirectory(scratch, "out-");
            Path stamp = folder.resolveSibling(folder.getFileName() + ".stamp");
            Sample.Timed<GenerateResult> first = Sample.of(() -> generate(spec, folder, stamp));
            Sample.Timed<GenerateResult> again = Sample.of(() -> generate(spec, folder, stamp));
            Sample.Timed<GenerateResult> full = Sample.of(() -> generate(spec, folder, null));
            if (!again.value().upToDate() || full.value().upToDate()) {
                throw new IllegalStateException("the stamped rerun of " + spec + " was not up to date, or the other was");
            }
            firsts.add(first.sample());
            reruns.add(again.sample());
            fullReruns.add(full.sample());
            for (GenerateResult rerun : List.of(again.value(), full.value())) {
                rerunWritten += rerun.written().size() + rerun.removed().size();
            }
            last = again.value();
            out = folder;
        }
        Path root = last.treeFolder().orElseThrow();
        List<Path> overlays = last.files().keySet().stream()
                .filter(f -> f.startsWith("overlays/") && f.endsWith("/kustomization.yaml"))
                .map(f -> root.resolve(f).getParent()).toList();
        int objects = (int) last.files().keySet().stream().filter(f -> !f.endsWith("kustomization.yaml")).count();
        return new PipelineFigures(Sample.summary(firsts), Sample.summary(reruns), Sample.summary(fullReruns), rerunWritten,
                last.files().size(), objects, out, overlays);
    }

    /** @param stamp the run's stamp file; null for none, so the run does the whole work */
    private static GenerateResult generate(Path spec, Path out, Path stamp) {
        GenerateResult generation = MlGitops.generate(spec).setOutputDirectory(out).setStamp(stamp).call();
        if (!generation.passed()) {
            throw new IllegalStateException("generating " + spec + " failed:\n" + generation.findings());
        }
        return generation;
    }

    // ---- kubectl kustomize over every overlay the last run wrote

    private long kustomize(PipelineFigures figures) {
        Path first = figures.overlays().get(0);
        Command.run(first, List.of("kubectl", "kustomize", "."));  // kubectl into the page cache
        long total = 0;
        for (Path overlay : figures.overlays()) {
            total += Command.time(overlay, List.of("kubectl", "kustomize", "."));
        }
        delete(figures.output());
        return total;
    }

    // ---- Maven, cold

    /**
     * @param upToDateRuns {@code generate-resources} again on an unchanged project: its stamp says up to date
     * @param fullRuns     {@code generate-resources -Dmlgitops.incremental=false}: the whole work, as a fresh clone does
     */
    record MavenFigures(List<Long> validateRuns, List<Long> upToDateRuns, List<Long> fullRuns, List<Long> validateCpus,
                        List<Long> upToDateCpus, List<Long> fullCpus) {
        long validate() {
            return Sample.medianOf(validateRuns);
        }

        /** What a full generate adds to {@code mvn validate}: the cost in a fresh clone, as in CI. */
        long cost() {
            return Sample.medianOf(fullRuns) - validate();
        }

        /** What an up-to-date generate adds: the cost of rebuilding an unchanged project. */
        long upToDateCost() {
            return Sample.medianOf(upToDateRuns) - validate();
        }

        void print() {
            System.out.printf(Locale.ROOT, "  mvn validate -Dmlgitops.skip:                  %s ms; median %.0f ms%n",
                    millisList(validateRuns), validate() / 1e6);
            System.out.printf(Locale.ROOT, "  mvn generate-resources, no stamp (full run):   %s ms; median %.0f ms%n",
                    millisList(fullRuns), Sample.medianOf(fullRuns) / 1e6);
            System.out.printf(Locale.ROOT, "  mvn generate-resources, unchanged (up to date): %s ms; median %.0f ms%n",
                    millisList(upToDateRuns), Sample.medianOf(upToDateRuns) / 1e6);
            System.out.printf(Locale.ROOT, "  the plugin's cost (difference of medians): %.0f ms for a full run, %.0f ms up to date%n",
                    cost() / 1e6, upToDateCost() / 1e6);
            long validateCpu = Sample.medianOf(validateCpus);
            System.out.printf(Locale.ROOT, "  CPU time (user and system, Maven's JVM), medians: validate %.0f ms, full run %.0f ms,"
                            + " up to date %.0f ms; the plugin adds %.2f x (full) and %.2f x (up to date) of validate's%n",
                    validateCpu / 1e6, Sample.medianOf(fullCpus) / 1e6, Sample.medianOf(upToDateCpus) / 1e6,
                    (Sample.medianOf(fullCpus) - validateCpu) / (double) validateCpu,
                    (Sample.medianOf(upToDateCpus) - validateCpu) / (double) validateCpu);
        }
    }

    /** @param jvmConfig what the copy's .mvn/jvm.config holds; none when empty */
    private MavenFigures maven(int runs, String jvmConfig) throws IOException {
        Path project = scratch.resolve(jvmConfig.isEmpty() ? "example-repo" : "example-repo-jvm-config");
        copy(repository.resolve("example-repo"), project);
        if (!jvmConfig.isEmpty()) {
            Files.createDirectories(project.resolve(".mvn"));
            Files.writeString(project.resolve(".mvn/jvm.config"), jvmConfig + "\n", StandardCharsets.UTF_8);
        }
        List<String> mvn = new ArrayList<>(List.of(System.getenv().getOrDefault("MVN", "mvn"), "-q", "-B"));
        String privateRepository = System.getenv("BENCH_MAVEN_REPO");
        if (privateRepository != null) {  // run.sh's: this build's plugin, whatever others install in ~/.m2
            mvn.addAll(List.of("-Dmaven.repo.local=" + privateRepository, "-s", System.getenv("BENCH_MAVEN_SETTINGS")));
        }
        List<String> validate = concat(mvn, "-o", "-f", "pom.xml", "validate", "-Dmlgitops.skip");
        List<String> generate = concat(mvn, "-o", "-f", "pom.xml", "generate-resources");
        List<String> full = concat(generate, "-Dmlgitops.incremental=false");
        // the first of each fills the private repository and the page cache; not counted
        Command.run(project, concat(mvn, "-f", "pom.xml", "validate", "-Dmlgitops.skip"));
        Command.run(project, concat(mvn, "-f", "pom.xml", "generate-resources"));
        List<Long> validateRuns = new ArrayList<>();
        List<Long> upToDateRuns = new ArrayList<>();
        List<Long> fullRuns = new ArrayList<>();
        List<Long> validateCpus = new ArrayList<>();
        List<Long> upToDateCpus = new ArrayList<>();
        List<Long> fullCpus = new ArrayList<>();
        for (int i = 0; i < runs; i++) {  // alternating, so a burst of load hits all alike
            long cpu = ColdStart.childrenCpuNanos();
            validateRuns.add(Command.time(project, validate));
            validateCpus.add(-cpu + (cpu = ColdStart.childrenCpuNanos()));
            fullRuns.add(Command.time(project, full));
            fullCpus.add(-cpu + (cpu = ColdStart.childrenCpuNanos()));
            upToDateRuns.add(Command.time(project, generate));
            upToDateCpus.add(ColdStart.childrenCpuNanos() - cpu);
        }
        return new MavenFigures(validateRuns, upToDateRuns, fullRuns, validateCpus, upToDateCpus, fullCpus);
    }

    // ---- publishing 10,000 files: JGit against the git command line

    record GitFigures(List<Long> jgitRuns, List<Long> cliRuns) {
        long jgit() {
            return Sample.medianOf(jgitRuns);
        }

        long cli() {
            return Sample.medianOf(cliRuns);
        }

        String jgitList() {
            return millisList(jgitRuns);
        }

        String cliList() {
            return millisList(cliRuns);
        }
    }

    private GitFigures git(int runs) throws IOException {
        OutputTree tree = filesToPublish();
        publishWithJGit(tree);  // warm-up of each, not counted
        publishWithCli(tree);
        List<Long> jgit = new ArrayList<>();
        List<Long> cli = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            jgit.add(publishWithJGit(tree));
            cli.add(publishWithCli(tree));
        }
        return new GitFigures(jgit, cli);
    }

    /** 10,000 files of about 700 bytes with the generator's header, like a big generated tree. */
    private static OutputTree filesToPublish() {
        java.util.SortedMap<String, String> files = new TreeMap<>();
        for (int i = 0; i < PUBLISHED_FILES; i++) {
            String name = String.format(Locale.ROOT, "model-%05d", i);
            String stage = i % 2 == 0 ? "serving" : "training";
            files.put("base/" + stage + "/" + (i % 5) + "/deployment-" + name + ".yaml", ("""
                    # Generated by mlgitops from mlproject.yaml. Do not edit: edit mlproject.yaml and generate again.
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: bench-%s
                      labels:
                        app.kubernetes.io/name: bench-%s
                        app.kubernetes.io/part-of: bench
                    spec:
                      replicas: %d
                      selector:
                        matchLabels:
                          app.kubernetes.io/name: bench-%s
                      template:
                        metadata:
                          labels:
                            app.kubernetes.io/name: bench-%s
                        spec:
                          containers:
                            - name: main
                              image: registry.example.com/perf/scorer:2.%d.1
                              resources:
                                requests: {cpu: 250m, memory: 1Gi}
                                limits: {cpu: 250m, memory: 1Gi}
                    """).formatted(name, name, 2 + i % 3, name, name, i % 20));
        }
        return new OutputTree("projects/bench", files);
    }

    private long publishWithJGit(OutputTree tree) throws IOException {
        Path folder = Files.createTempDirectory(scratch, "jgit-");
        Path bare = folder.resolve("remote.git");
        bareRepository(folder, bare);
        long start = System.nanoTime();
        CommitTreeResult result = GitOps.publish(tree, bare.toString()).setWorkFolder(folder.resolve("clone"))
                .setPush(true).setAuthor("bench", "bench@example.com").setProject("bench").call();
        long nanos = System.nanoTime() - start;
        if (result.status() != CommitTreeResult.Status.PUSHED) {
            throw new IllegalStateException("JGit publish: " + result);
        }
        delete(folder);
        return nanos;
    }

    private long publishWithCli(OutputTree tree) throws IOException {
        Path folder = Files.createTempDirectory(scratch, "cli-");
        Path bare = folder.resolve("remote.git");
        bareRepository(folder, bare);
        long start = System.nanoTime();
        Command.run(folder, List.of("git", "-c", "gc.auto=0", "clone", "-q", bare.toString(), "clone"));
        Path clone = folder.resolve("clone");
        Path root = clone.resolve(tree.root());
        for (Map.Entry<String, String> file : tree.files().entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
        Command.run(clone, List.of("git", "-c", "gc.auto=0", "add", "-A", tree.root()));
        Command.run(clone, List.of("git", "-c", "gc.auto=0", "-c", "user.name=bench", "-c", "user.email=bench@example.com",
                "commit", "-q", "-m", "bench: publish"));
        Command.run(clone, List.of("git", "-c", "gc.auto=0", "push", "-q", "origin", "HEAD:refs/heads/main"));
        long nanos = System.nanoTime() - start;
        delete(folder);
        return nanos;
    }

    /** An empty bare repository that runs no gc after a push (a gc in the background would skew the next run). */
    private static void bareRepository(Path folder, Path bare) {
        Command.run(folder, List.of("git", "init", "-q", "--bare", bare.toString()));
        Command.run(bare, List.of("git", "config", "receive.autogc", "false"));
        Command.run(bare, List.of("git", "config", "gc.auto", "0"));
    }

    // ---- helpers

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private Path write(String name, String text) throws IOException {
        Path folder = Files.createDirectories(scratch.resolve(name));
        return Files.writeString(folder.resolve("mlproject.yaml"), text, StandardCharsets.UTF_8);
    }

    private static String millisList(List<Long> nanos) {
        return nanos.stream().map(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList().toString();
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.filter(p -> !p.toString().contains("/target")).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
