package dev.mlgitops.render;

import dev.mlgitops.model.Stage;

/**
 * One YAML text a blueprint rendered (it may hold several documents), before it is parsed and typed.
 *
 * @param blueprint   the template's path under the blueprint root, e.g. {@code serving/deployment/hpa.yaml.ftl}
 * @param environment the rendering it belongs to: an environment's name, or {@code base}
 */
public record RenderedDocument(Stage stage, String blueprint, String yaml, String environment) {

    /** A document of the base rendering. */
    public RenderedDocument(Stage stage, String blueprint, String yaml) {
        this(stage, blueprint, yaml, "base");
    }
}
