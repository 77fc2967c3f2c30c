package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Severity;

/**
 * How to run the generator; start from {@link #defaults()} and change with the {@code withX} copies.
 *
 * @param outputDirectory where the tree is written; it lands in {@code <outputDirectory>/<spec.gitops.path>}
 * @param blueprints a folder whose templates replace the built-in ones of the same relative path
 * @param environments the environments to write, by name; empty for all. The others' files are
 *                     neither written nor removed; the shared files (bases, AppProject) always are
 * @param failOn the least severity that fails the run: {@link Severity#ERROR} (the default), or
 *               {@link Severity#WARNING} to fail on warnings too; a failing run yields no tree
 * @param stamp where {@link MlGitops#generate} keeps what its last run wrote and from what, so a run
 *              whose inputs and tree are unchanged skips the work; none (the default) always works
 * @param deniedNamespaces namespaces of the platform no environment may deploy to, beside the
 *                         reserved ones mlgitops always refuses (argocd, default, kube-*); none by default
 */
public record GenerateOptions(Path outputDirectory, Optional<Path> blueprints, Progress progress, List<String> environments,
                              Severity failOn, Optional<Path> stamp, List<String> deniedNamespaces) {

    public GenerateOptions {
        environments = List.copyOf(environments);
        deniedNamespaces = List.copyOf(deniedNamespaces);
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(Path.of("target", "mlgitops"), Optional.empty(), Progress.SILENT, List.of(),
                Severity.ERROR, Optional.empty(), List.of());
    }

    public GenerateOptions withOutputDirectory(Path directory) {
        return new GenerateOptions(directory, blueprints, progress, environments, failOn, stamp, deniedNamespaces);
    }

    public GenerateOptions withBlueprints(Path folder) {
        return new GenerateOptions(outputDirectory, Optional.ofNullable(folder), progress, environments, failOn, stamp, deniedNamespaces);
    }

    public GenerateOptions withProgress(Progress listener) {
        return new GenerateOptions(outputDirectory, blueprints, listener, environments, failOn, stamp, deniedNamespaces);
    }

    /** Only these environments (blank names ignored); none, or an empty list, means all of them. */
    public GenerateOptions withEnvironments(List<String> names) {
        return new GenerateOptions(outputDirectory, blueprints, progress,
                names == null ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList(),
                failOn, stamp, deniedNamespaces);
    }

    public GenerateOptions withFailOn(Severity severity) {
        return new GenerateOptions(outputDirectory, blueprints, progress, environments, severity, stamp, deniedNamespaces);
    }

    /** Keep a stamp in this file (outside the output tree, e.g. in Maven's target folder); null for none. */
    public GenerateOptions withStamp(Path file) {
        return new GenerateOptions(outputDirectory, blueprints, progress, environments, failOn, Optional.ofNullable(file), deniedNamespaces);
    }

    /**
     * Namespaces of the platform (its own controllers, other teams') that no environment may deploy
     * to, beside the reserved ones; blank names are ignored, null means none.
     */
    public GenerateOptions withDeniedNamespaces(List<String> namespaces) {
        return new GenerateOptions(outputDirectory, blueprints, progress, environments, failOn, stamp,
                namespaces == null ? List.of()
                        : namespaces.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().sorted().toList());
    }

    /** Whether the run covers this environment. */
    public boolean covers(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
