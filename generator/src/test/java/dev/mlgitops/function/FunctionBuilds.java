package dev.mlgitops.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.mlgitops.CaseFolders;
import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.finding.Finding;

/** The builds the function step's tests run: the reference edited, or with its NetworkPolicies' blueprint edited. */
final class FunctionBuilds {

    private FunctionBuilds() {
    }

    /** The reference spec with {@code edit} applied, written into {@code folder}; the edit must change it. */
    static Path edited(Path folder, UnaryOperator<String> edit) throws IOException {
        String reference = Files.readString(CaseFolders.REFERENCE);
        String text = edit.apply(reference);
        assertThat(text).as("the edit applies").isNotEqualTo(reference);
        return Files.writeString(folder.resolve("mlproject.yaml"), text);
    }

    /** {@code spec} built with the tenancy NetworkPolicies' blueprint edited, the override written into {@code folder}. */
    static BuildOutcome withPolicies(Path folder, Path spec, UnaryOperator<String> edit) throws IOException {
        Path blueprints = folder.resolve("blueprints/tenancy");
        Files.createDirectories(blueprints);
        Files.writeString(blueprints.resolve("networkpolicies.yaml.ftl"),
                edit.apply(Files.readString(Path.of("..", "blueprints", "tenancy", "networkpolicies.yaml.ftl"))));
        return Builder.build(spec, BuildOptions.defaults().withBlueprints(folder.resolve("blueprints")));
    }

    /** The function step's findings of a build, in the findings' order. */
    static List<Finding> functionFindings(BuildOutcome generation) {
        return generation.findings().sorted().stream().filter(f -> f.code().id().startsWith("MLG-FUNCTION-")).toList();
    }
}
