package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.mlgitops.finding.Severity;
import dev.mlgitops.model.ApplicationsIn;

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
 * @param applicationsIn where the Argo CD Applications live: {@link ApplicationsIn#TEAM_NAMESPACES} (the
 *                       default, held to the project by Argo CD) or {@link ApplicationsIn#ARGOCD_NAMESPACE}
 */
public record GenerateOptions(Path outputDirectory, Optional<Path> blueprints, Progress progress, List<String> environments,
                              Severity failOn, Optional<Path> stamp, ApplicationsIn applicationsIn) {

    public GenerateOptions {
        environments = List.copyOf(environments);
    }

    public static GenerateOptions defaults() {
        return new GenerateOptions(Path.of("target", "mlgitops"), Optional.empty(), Progress.SILENT, List.of(),
                Severity.ERROR, Optional.empty(), ApplicationsIn.TEAM_NAMESPACES);
    }

    public GenerateOptions withOutputDirectory(Path directory) {
        return new GenerateOptions(directory, blueprints, progress, environments, failOn, stamp, applicationsIn);
    }

    public GenerateOptions withBlueprints(Path folder) {
        return new GenerateOptions(outputDirectory, Optional.ofNullable(folder), progress, environments, failOn, stamp, applicationsIn);
    }

    public GenerateOptions withProgress(Progress listener) {
        return new GenerateOptions(outputDirectory, blueprints, listener, environments, failOn, stamp, applicationsIn);
    }

    /** Only these environments (blank names ignored); none, or an empty list, means all of them. */
    public GenerateOptions withEnvironments(List<String> names) {
        return new GenerateOptions(outputDirectory, blueprints, progress,
                names == null ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList(),
                failOn, stamp, applicationsIn);
    }

    public GenerateOptions withFailOn(Severity severity) {
        return new GenerateOptions(outputDirectory, blueprints, progress, environments, severity, stamp, applicationsIn);
    }

    /** Keep a stamp in this file (outside the output tree, e.g. in Maven's target folder); null for none. */
    public GenerateOptions withStamp(Path file) {
        return new GenerateOptions(outputDirectory, blueprints, progress, environments, failOn, Optional.ofNullable(file), applicationsIn);
    }

    /** Where the Argo CD Applications live; see docs/trust-model.md. */
    public GenerateOptions withApplicationsIn(ApplicationsIn mode) {
        return new GenerateOptions(outputDirectory, blueprints, progress, environments, failOn, stamp, Objects.requireNonNull(mode, "mode"));
    }

    /** Whether the run covers this environment. */
    public boolean covers(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
