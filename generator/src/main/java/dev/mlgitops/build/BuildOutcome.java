package dev.mlgitops.build;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;
import dev.mlgitops.release.Release;
import dev.mlgitops.release.Releases;

/**
 * What building the tree gave: the findings of every step that ran, and, when no finding reaches
 * {@code failOn}, the resolved project and the tree laid out in memory.
 *
 * @param project the resolved project; present exactly when the tree is
 * @param objects by environment of the run ({@code base} first, then promotion order) and stage; empty without a tree
 * @param failOn the least severity that fails the run ({@link BuildOptions#failOn})
 * @param prerequisites what the clusters need for the tree (the function step's list); present exactly when the tree is
 */
public record BuildOutcome(String sourceFile, Findings findings, Optional<ResolvedProject> project, Optional<OutputTree> tree,
                           Map<String, Map<Stage, Integer>> objects, Severity failOn,
                           Optional<Prerequisites> prerequisites, Relayout relayout) {

    /** Lays the same objects out again with other pinned releases: no second render, type or check. */
    @FunctionalInterface
    public interface Relayout {
        OutputTree pinnedTo(Map<String, Release> pinned);
    }

    public BuildOutcome {
        // kept in the run's order, which Map.copyOf would lose
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    /** A run that yields no tree (findings stopped it). */
    static BuildOutcome failed(String sourceFile, Findings findings, Severity failOn) {
        return new BuildOutcome(sourceFile, findings, Optional.empty(), Optional.empty(), Map.of(), failOn, Optional.empty(), pinned -> {
            throw new IllegalStateException("a run without a tree has nothing to lay out");
        });
    }

    /**
     * The tree with the releases the tree it replaces pins (read from its {@code release.yaml}
     * files): the environments that follow the spec take its artifacts, the others keep theirs
     * until promoted. Empty without a tree.
     */
    public Optional<OutputTree> pinnedTo(Map<String, Release> pinned) {
        // most runs find the pins the spec gives already: the tree laid out is that tree, no second layout
        return tree.map(laid -> pinned.isEmpty() || Releases.pinned(laid.files()).equals(pinned) ? laid
                : relayout.pinnedTo(pinned));
    }

    /** Whether no finding reaches {@code failOn}: by default, whether there is no error. */
    public boolean passed() {
        return !findings.reach(failOn);
    }

    /** {@code spec.gitops}: repository, target revision and path. */
    public Optional<Spec.GitOps> gitops() {
        return project.map(ResolvedProject::gitops);
    }

    /** The production environment: the spec's last, in promotion order. */
    public Optional<String> production() {
        return project.flatMap(p -> p.environments().isEmpty() ? Optional.empty()
                : Optional.of(p.environments().get(p.environments().size() - 1).name()));
    }

    /** The project's {@code metadata.name}. */
    public Optional<String> projectName() {
        return project.map(p -> p.metadata().name());
    }
}
