package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.finding.Severity;

/**
 * What every command over a spec shares: the spec (required, given to the factory) and the
 * options of the build, set fluently. A command runs once: {@link #call()} a second time throws.
 *
 * @param <C> the command itself, so that the setters chain
 * @param <R> its result
 */
public abstract class SpecCommand<C extends SpecCommand<C, R>, R extends Result> {

    private final Path spec;
    private Optional<Path> blueprints = Optional.empty();
    private List<String> environments = List.of();
    private FailOn failOn = FailOn.ERROR;
    private List<String> deniedNamespaces = List.of();
    private Progress progress = Progress.SILENT;
    private ApplicationsIn applicationsIn = ApplicationsIn.TEAM_NAMESPACES;
    private boolean called;

    SpecCommand(Path spec) {
        this.spec = Objects.requireNonNull(spec, "spec").toAbsolutePath().normalize();
    }

    /** A folder of templates that replace the built-in blueprints of the same relative path. Default: none. */
    public final C setBlueprints(Path folder) {
        this.blueprints = Optional.ofNullable(folder);
        return self();
    }

    /** Only these environments (blank names ignored); the others' files are left as they are. Default: all. */
    public final C setEnvironments(List<String> names) {
        this.environments = names == null ? List.of() : List.copyOf(names);
        return self();
    }

    /**
     * Namespaces of the platform (its controllers', other teams') that no environment may deploy
     * to, beside the reserved {@code argocd}, {@code default} and {@code kube-*}, which are always
     * refused; blank names are ignored. Default: none.
     */
    public final C setDeniedNamespaces(List<String> namespaces) {
        this.deniedNamespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
        return self();
    }

    /** The least severity that fails the run. Default {@link FailOn#ERROR}. */
    public final C setFailOn(FailOn severity) {
        this.failOn = Objects.requireNonNull(severity, "failOn");
        return self();
    }

    /**
     * Where the Argo CD Applications live: {@link ApplicationsIn#TEAM_NAMESPACES}, held to the
     * project by Argo CD (needs applications in any namespace), or {@link ApplicationsIn#ARGOCD_NAMESPACE}.
     * Default {@link ApplicationsIn#TEAM_NAMESPACES}. See docs/trust-model.md.
     */
    public final C setApplicationsIn(ApplicationsIn mode) {
        this.applicationsIn = Objects.requireNonNull(mode, "applicationsIn");
        return self();
    }

    /** Where the command says what it is doing. Default: silent. */
    public final C setProgress(Progress listener) {
        this.progress = Objects.requireNonNull(listener, "progress");
        return self();
    }

    /**
     * Runs the command.
     *
     * @throws MlGitopsException when the environment fails (I/O, Git, the network); never for the spec's findings
     * @throws IllegalStateException when called a second time
     */
    public final R call() {
        if (called) {
            throw new IllegalStateException("a command runs once; make a new one");
        }
        called = true;
        return run();
    }

    abstract R run();

    @SuppressWarnings("unchecked")
    private C self() {
        return (C) this;
    }

    final Path spec() {
        return spec;
    }

    final Progress progress() {
        return progress;
    }

    final Optional<Path> blueprints() {
        return blueprints;
    }

    final List<String> environments() {
        return buildOptions().environments();
    }

    final List<String> deniedNamespaces() {
        return buildOptions().deniedNamespaces();
    }

    final Severity severity() {
        return failOn == FailOn.WARNING ? Severity.WARNING : Severity.ERROR;
    }

    final ApplicationsIn applicationsIn() {
        return applicationsIn;
    }

    final BuildOptions buildOptions() {
        BuildOptions options = BuildOptions.defaults().withProgress(progress).withEnvironments(environments)
                .withDeniedNamespaces(deniedNamespaces).withFailOn(severity()).withApplicationsIn(dev.mlgitops.model.ApplicationsIn.valueOf(applicationsIn.name()));
        return blueprints.map(options::withBlueprints).orElse(options);
    }
}
