package dev.mlgitops.render;

import dev.mlgitops.model.Stage;

/**
 * One YAML text a blueprint rendered (it may hold several documents), before it is parsed and typed.
 *
 * @param blueprint   the template's path under the blueprint root, e.g. {@code serving/deployment/hpa.yaml.ftl}
 * @param environment the rendering it belongs to: an environment's name, or {@code base}
 * @param source      JSON pointer of the spec item it renders ({@code /serving/explainer}), so findings
 *                    about its objects can point back at the item; empty for the spec as a whole
 */
public record RenderedDocument(Stage stage, String blueprint, String yaml, String environment, String source) {

    /** A document of the base rendering, of no particular spec item. */
    public RenderedDocument(Stage stage, String blueprint, String yaml) {
        this(stage, blueprint, yaml, "base", "");
    }

    /** A document of no particular spec item. */
    public RenderedDocument(Stage stage, String blueprint, String yaml, String environment) {
        this(stage, blueprint, yaml, environment, "");
    }
}
