package dev.mlgitops.model;

import java.util.Optional;

import dev.mlgitops.finding.Locator;

/**
 * The spec of one project with one environment's overrides applied and every reference bound.
 * The {@linkplain #base base} is the spec as written, with no environment: it becomes the
 * kustomize bases, which each environment's overlay turns into that environment's rendering.
 *
 * @param target empty for the base
 * @param locator where each value of {@code spec} came from in the file, for findings
 */
public record ResolvedEnvironment(ProjectMetadata metadata, Spec spec, Optional<Target> target, Locator locator) {

    /** An environment whose values have no known place in a file (tests, generated specs). */
    public ResolvedEnvironment(ProjectMetadata metadata, Spec spec, Optional<Target> target) {
        this(metadata, spec, target, Locator.NOWHERE);
    }

    public static ResolvedEnvironment base(ProjectMetadata metadata, Spec spec) {
        return new ResolvedEnvironment(metadata, spec, Optional.empty());
    }

    public boolean isBase() {
        return target.isEmpty();
    }

    /** The environment's name, or {@code base}. */
    public String name() {
        return target.map(Target::environment).orElse("base");
    }

    /** The image reference behind a key of {@code spec.images}; the resolver checked it exists. */
    public String image(String key) {
        String reference = spec.images().get(key);
        if (reference == null) {
            throw new IllegalArgumentException("unbound image key '" + key + "'");
        }
        return reference;
    }
}
