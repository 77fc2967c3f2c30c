package dev.mlgitops.model;

import java.util.List;

/** What the resolve step hands on: the base and every environment in promotion order. */
public record ResolvedProject(String sourceFile, ResolvedEnvironment base, List<ResolvedEnvironment> environments) {

    public ResolvedProject {
        environments = List.copyOf(environments);
    }

    public ProjectMetadata metadata() {
        return base.metadata();
    }

    public Spec.GitOps gitops() {
        return base.spec().gitops();
    }
}
