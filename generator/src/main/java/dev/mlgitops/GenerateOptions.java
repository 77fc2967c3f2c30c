package dev.mlgitops;

import java.nio.file.Path;
import java.util.Optional;

import dev.mlgitops.finding.Severity;

/**
 * How to run the generator; start from {@link #defaults()} and change with the {@code withX} copies.
 *
 * @param outputDirectory where the tree is written; it lands in {@code <outputDirectory>/<spec.gitops.path>}
 * @param blueprints a folder whose templates replace the built-in ones of the same relative path
 * @param failOn the least severity that fails the run: {@link Severity#ERROR} (the default), or
 *               {@link Severity#WARNING} to fail on warnings too; a failing run yields no tree
 */
public record GenerateOptions(Path outputDirectory, Optional<Path> blueprints, Progress progress, Severity failOn) {

    public static GenerateOptions defaults() {
        return new GenerateOptions(Path.of("target", "mlgitops"), Optional.empty(), Progress.SILENT, Severity.ERROR);
    }

    public GenerateOptions withOutputDirectory(Path directory) {
        return new GenerateOptions(directory, blueprints, progress, failOn);
    }

    public GenerateOptions withBlueprints(Path folder) {
        return new GenerateOptions(outputDirectory, Optional.ofNullable(folder), progress, failOn);
    }

    public GenerateOptions withProgress(Progress listener) {
        return new GenerateOptions(outputDirectory, blueprints, listener, failOn);
    }

    public GenerateOptions withFailOn(Severity severity) {
        return new GenerateOptions(outputDirectory, blueprints, progress, severity);
    }
}
