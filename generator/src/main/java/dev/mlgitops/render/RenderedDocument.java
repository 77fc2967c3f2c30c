package dev.mlgitops.render;

import dev.mlgitops.model.Stage;

/**
 * One YAML document a blueprint rendered, before it is parsed and typed.
 *
 * @param blueprint the template's path under the blueprint root, e.g. {@code serving/deployment/hpa.yaml.ftl}
 */
public record RenderedDocument(Stage stage, String blueprint, String yaml) {
}
