package dev.mlgitops.init;

import java.util.List;

/**
 * What {@code init} writes a starter spec for; start from {@link #defaults()} and change with the
 * {@code withX} copies.
 *
 * @param name the project's {@code metadata.name}: a DNS-1035 label of at most 40 characters
 * @param team the owning team's {@code metadata.team}: a DNS-1035 label
 * @param stages the stages besides tenancy (always there), by folder name, e.g. {@code serving}
 * @param force overwrite an existing mlproject.yaml
 */
public record InitOptions(String name, String team, List<String> stages, boolean force) {

    /** The stages a new project starts with when none are named: train, register, serve. */
    public static final List<String> DEFAULT_STAGES = List.of("training", "model-registry", "serving");

    public InitOptions {
        stages = List.copyOf(stages);
    }

    public static InitOptions defaults() {
        return new InitOptions("my-project", "my-team", DEFAULT_STAGES, false);
    }

    public InitOptions withName(String projectName) {
        return new InitOptions(projectName, team, stages, force);
    }

    public InitOptions withTeam(String teamName) {
        return new InitOptions(name, teamName, stages, force);
    }

    /** The stages by folder name (blank ones ignored); none, or an empty list, keeps tenancy alone. */
    public InitOptions withStages(List<String> folders) {
        return new InitOptions(name, team,
                folders == null ? List.of() : folders.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList(), force);
    }

    public InitOptions withForce(boolean overwrite) {
        return new InitOptions(name, team, stages, overwrite);
    }
}
