package dev.mlgitops.typed;

import dev.mlgitops.model.Stage;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rendered object that passed its type check. The manifest is the canonical tree (values of
 * the types the API expects, keys in Kubernetes order); treat it as read-only. {@code source} is the
 * JSON pointer of the spec item that produced it ({@code /serving/explainer}), empty when none.
 */
public record TypedObject(Stage stage, String blueprint, ObjectKey key, ObjectNode manifest, String source) {

    /** An object of no particular spec item. */
    public TypedObject(Stage stage, String blueprint, ObjectKey key, ObjectNode manifest) {
        this(stage, blueprint, key, manifest, "");
    }
}
