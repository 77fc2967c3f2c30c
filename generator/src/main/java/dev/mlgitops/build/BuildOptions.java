package dev.mlgitops.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.mlgitops.Progress;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.model.ApplicationsIn;

/**
 * How to build the tree; start from {@link #defaults()} and change with the {@code withX} copies.
 *
 * @param blueprints a folder whose templates replace the built-in ones of the same relative path
 * @param environments the environments to lay out, by name; empty for all. The shared files
 *                     (bases, AppProject) are always laid out
 * @param failOn the least severity that fails the run: {@link Severity#ERROR} (the default), or
 *               {@link Severity#WARNING} to fail on warnings too; a failing run yields no tree
 * @param applicationsIn where the Argo CD Applications live: {@link ApplicationsIn#TEAM_NAMESPACES} (the
 *                       default, held to the project by Argo CD) or {@link ApplicationsIn#ARGOCD_NAMESPACE}
 */
public record BuildOptions(Optional<Path> blueprints, Progress progress, List<String> environments, Severity failOn,
                           ApplicationsIn applicationsIn) {

    public BuildOptions {
        environments = List.copyOf(environments);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Optional.empty(), Progress.SILENT, List.of(), Severity.ERROR, ApplicationsIn.TEAM_NAMESPACES);
    }

    public BuildOptions withBlueprints(Path folder) {
        return new BuildOptions(Optional.ofNullable(folder), progress, environments, failOn, applicationsIn);
    }

    public BuildOptions withProgress(Progress listener) {
        return new BuildOptions(blueprints, listener, environments, failOn, applicationsIn);
    }

    /** Only these environments (blank names ignored); none, or an empty list, means all of them. */
    public BuildOptions withEnvironments(List<String> names) {
        return new BuildOptions(blueprints, progress,
                names == null ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList(),
                failOn, applicationsIn);
    }

    public BuildOptions withFailOn(Severity severity) {
        return new BuildOptions(blueprints, progress, environments, severity, applicationsIn);
    }

    /** Where the Argo CD Applications live; see docs/trust-model.md. */
    public BuildOptions withApplicationsIn(ApplicationsIn mode) {
        return new BuildOptions(blueprints, progress, environments, failOn, Objects.requireNonNull(mode, "applicationsIn"));
    }

    /** Whether the run covers this environment. */
    public boolean covers(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
