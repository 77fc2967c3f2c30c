package dev.mlgitops;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run the generator; start from {@link #defaults()} and change with the {@code withX} copies.
 *
 * @param outputDirectory where the tree is written; it lands in {@code <outputDirectory>/<spec.gitops.path>}
 * @param blueprints a folder whose templates replace the built-in ones of the same relative path
 */
public record GenerateOptions(Path outputDirectory, Optional<Path> blueprints, Progress progress) {

    public static GenerateOptions defaults() {
        return new GenerateOptions(Path.of("target", "mlgitops"), Optional.empty(), Progress.SILENT);
    }

    public GenerateOptions withOutputDirectory(Path directory) {
        return new GenerateOptions(directory, blueprints, progress);
    }

    public GenerateOptions withBlueprints(Path folder) {
        return new GenerateOptions(outputDirectory, Optional.ofNullable(folder), progress);
    }

    public GenerateOptions withProgress(Progress listener) {
        return new GenerateOptions(outputDirectory, blueprints, listener);
    }
}
