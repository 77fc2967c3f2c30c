package dev.mlgitops.model;

import java.util.Map;

/** {@code metadata} of an mlproject.yaml. */
public record ProjectMetadata(String name, String team, String description, Map<String, String> labels) {

    public ProjectMetadata {
        labels = Spec.copy(labels);
    }
}
