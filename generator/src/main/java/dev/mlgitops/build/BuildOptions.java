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
 * @param deniedNamespaces namespaces of the platform no environment may deploy to, beside the
 *                         reserved ones mlgitops always refuses (argocd, default, kube-*); none by default
 */
public record BuildOptions(Optional<Path> blueprints, Progress progress, List<String> environments, Severity failOn,
                           ApplicationsIn applicationsIn, List<String> deniedNamespaces) {

    public BuildOptions {
        environments = List.copyOf(environments);
        deniedNamespaces = List.copyOf(deniedNamespaces);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(Optional.empty(), Progress.SILENT, List.of(), Severity.ERROR, ApplicationsIn.TEAM_NAMESPACES,
                List.of());
    }

    public BuildOptions withBlueprints(Path folder) {
        return new BuildOptions(Optional.ofNullable(folder), progress, environments, failOn, applicationsIn, deniedNamespaces);
    }

    public BuildOptions withProgress(Progress listener) {
        return new BuildOptions(blueprints, listener, environments, failOn, applicationsIn, deniedNamespaces);
    }

    /** Only these environments (blank names ignored); none, or an empty list, means all of them. */
    public BuildOptions withEnvironments(List<String> names) {
        return new BuildOptions(blueprints, progress,
                names == null ? List.of() : names.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList(),
                failOn, applicationsIn, deniedNamespaces);
    }

    public BuildOptions withFailOn(Severity severity) {
        return new BuildOptions(blueprints, progress, environments, severity, applicationsIn, deniedNamespaces);
    }

    /** Where the Argo CD Applications live; see docs/trust-model.md. */
    public BuildOptions withApplicationsIn(ApplicationsIn mode) {
        return new BuildOptions(blueprints, progress, environments, failOn, Objects.requireNonNull(mode, "applicationsIn"),
                deniedNamespaces);
    }

    /**
     * Namespaces of the platform (its own controllers, other teams') that no environment may deploy
     * to, beside the reserved ones; blank names are ignored, null means none.
     */
    public BuildOptions withDeniedNamespaces(List<String> namespaces) {
        return new BuildOptions(blueprints, progress, environments, failOn, applicationsIn,
                namespaces == null ? List.of()
                        : namespaces.stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().sorted().toList());
    }

    /** Whether the run covers this environment. */
    public boolean covers(String environment) {
        return environments.isEmpty() || environments.contains(environment);
    }
}
