package dev.mlgitops;

import java.util.Optional;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;

/**
 * A built tree with the resolved project it came from.
 *
 * @param project present exactly when the generation has a tree
 */
public record Preparation(Generation generation, Optional<ResolvedProject> project) {

    /** {@code spec.gitops}: repository, target revision and path. */
    public Optional<Spec.GitOps> gitops() {
        return project.map(ResolvedProject::gitops);
    }

    /** The production environment: the spec's last, in promotion order. */
    public Optional<String> production() {
        return project.flatMap(p -> p.environments().isEmpty() ? Optional.empty()
                : Optional.of(p.environments().get(p.environments().size() - 1).name()));
    }
}
