package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.Stage;
import dev.mlgitops.release.Releases;
import dev.mlgitops.write.RunInputs;
import dev.mlgitops.write.TreeStamp;
import dev.mlgitops.write.TreeWriter;
import dev.mlgitops.write.WriteResult;

/**
 * Builds the tree and writes it to {@code <outputDirectory>/<spec.gitops.path>}; on findings it
 * writes nothing. With a {@linkplain #setStamp stamp}, a run whose inputs and written tree are as
 * the last run left them does no work: it reads the tree back and reports the last run's
 * findings. Made by {@link MlGitops#generate}.
 */
public final class GenerateCommand extends SpecCommand<GenerateCommand, GenerateResult> {

    private Path outputDirectory = Path.of("target", "mlgitops");
    private Optional<Path> stamp = Optional.empty();

    GenerateCommand(Path spec) {
        super(spec);
    }

    /** The folder the tree is written under, as the root of the GitOps repository. Default {@code target/mlgitops}. */
    public GenerateCommand setOutputDirectory(Path folder) {
        this.outputDirectory = Objects.requireNonNull(folder, "outputDirectory").toAbsolutePath().normalize();
        return this;
    }

    /** Keep a stamp in this file (outside the output tree, e.g. in the build folder); null for none, the default. */
    public GenerateCommand setStamp(Path file) {
        this.stamp = Optional.ofNullable(file);
        return this;
    }

    @Override
    GenerateResult run() {
        Optional<String> inputs = stamp.flatMap(file -> RunInputs.digest(spec(), blueprints(), environments(),
                severity().name(), applicationsIn().name(), deniedNamespaces(), outputDirectory));
        Optional<GenerateResult> upToDate = inputs.flatMap(this::upToDate);
        if (upToDate.isPresent()) {
            progress().info("mlgitops: up to date: the spec, the blueprints and the tree are as the last run left them");
            return upToDate.get();
        }
        Laid laid = laid(Builder.build(spec(), buildOptions()));
        if (laid.tree().isEmpty()) {
            return new GenerateResult(Status.FINDINGS, laid.sourceFile(), laid.findings(), outputDirectory,
                    Optional.empty(), Optional.empty(), Map.of(), false, laid.prerequisites());
        }
        OutputTree tree = laid.tree().get();
        progress().info("mlgitops: writing " + tree.files().size() + " files");
        WriteResult result = TreeWriter.write(tree, outputDirectory);
        inputs.ifPresent(digest -> TreeStamp.of(digest, tree, laid.findings().sorted(), laid.objects()).write(stamp.get()));
        return new GenerateResult(Status.CLEAN, laid.sourceFile(), laid.findings(), outputDirectory, Optional.of(tree),
                Optional.of(result), laid.objects(), false, laid.prerequisites());
    }

    /**
     * What writing needs of a build. The build keeps every environment's typed objects for a
     * second layout with other pins; no variable of {@link #run} holds it, so they are garbage
     * before the writing, which a large first run spends seconds in.
     */
    private record Laid(String sourceFile, Findings findings, Optional<OutputTree> tree,
                        Map<String, Map<Stage, Integer>> objects, Optional<Prerequisites> prerequisites) {
    }

    /** The build's tree laid out with the pins of the tree it replaces: the environments that wait for a promotion keep theirs. */
    private Laid laid(BuildOutcome built) {
        Optional<OutputTree> tree = built.tree()
                .flatMap(first -> built.pinnedTo(Releases.pinnedIn(outputDirectory.resolve(first.root()))));
        return new Laid(built.sourceFile(), built.findings(), tree, built.objects(), built.prerequisites());
    }

    private Optional<GenerateResult> upToDate(String inputs) {
        return TreeStamp.read(stamp.get())
                .filter(last -> last.inputs().equals(inputs))
                .flatMap(last -> last.current(outputDirectory).map(tree -> {
                    Findings findings = new Findings();
                    last.findings().forEach(findings::add);
                    WriteResult nothing = new WriteResult(List.of(), List.copyOf(tree.files().keySet()), List.of());
                    Map<String, Map<Stage, Integer>> objects = last.objects();
                    return new GenerateResult(Status.CLEAN, spec().getFileName().toString(), findings, outputDirectory,
                            Optional.of(tree), Optional.of(nothing), objects, true, Optional.empty());
                }));
    }
}
