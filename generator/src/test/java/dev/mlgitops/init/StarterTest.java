package dev.mlgitops.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.mlgitops.FindingLine;
import dev.mlgitops.GenerateResult;
import dev.mlgitops.InitResult;
import dev.mlgitops.MlGitops;
import dev.mlgitops.Status;
import dev.mlgitops.ValidateResult;
import dev.mlgitops.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code init}: a starter spec that validates and generates, whatever stages it names. */
class StarterTest {

    private static final List<String> OPTIONAL_STAGES =
            List.of("feature-store", "notebooks", "training", "model-registry", "serving", "monitoring");

    @TempDir
    Path folder;

    /** Every subset of the optional stages, tenancy alone included. */
    static Stream<List<String>> everyStageCombination() {
        List<List<String>> combinations = new ArrayList<>();
        for (int mask = 0; mask < 1 << OPTIONAL_STAGES.size(); mask++) {
            List<String> stages = new ArrayList<>();
            for (int i = 0; i < OPTIONAL_STAGES.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    stages.add(OPTIONAL_STAGES.get(i));
                }
            }
            combinations.add(stages);
        }
        return combinations.stream();
    }

    @ParameterizedTest
    @MethodSource("everyStageCombination")
    void everyStageCombinationValidatesWithoutFindingsAndGenerates(List<String> stages) {
        InitResult init = MlGitops.init(folder).setName("churn").setTeam("growth").setStages(stages).call();
        assertThat(init.findings()).isEmpty();

        ValidateResult validation = MlGitops.validate(init.spec()).call();
        GenerateResult generation = MlGitops.generate(init.spec()).setOutputDirectory(folder.resolve("out")).call();

        // stages whose engines are still to come are left out with a warning, never an error
        assertThat(validation.findings()).noneMatch(FindingLine::error);
        assertThat(validation.findings()).isEqualTo(generation.findings());
        assertThat(generation.status()).isEqualTo(Status.CLEAN);
        assertThat(folder.resolve("out/projects/churn/argocd/prod/apps/tenancy.yaml")).isRegularFile();
    }

    @Test
    void theLongestNameWithEveryStageStillValidates() {
        String name = "a".repeat(40);
        InitResult init = MlGitops.init(folder).setName(name).setStages(OPTIONAL_STAGES).call();

        ValidateResult validation = MlGitops.validate(init.spec()).call();

        assertThat(validation.findings()).noneMatch(FindingLine::error);
        assertThat(validation.status()).isEqualTo(Status.CLEAN);
    }

    @Test
    void pointsEditorsAtASchemaCopyBesideIt() throws IOException {
        InitResult init = MlGitops.init(folder).call();

        String text = Files.readString(init.spec(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("# yaml-language-server: $schema=.mlgitops/mlproject-v1alpha1.schema.json\n");
        assertThat(init.schema()).isEqualTo(folder.resolve(".mlgitops/mlproject-v1alpha1.schema.json"));
        try (var shipped = getClass().getClassLoader().getResourceAsStream("mlgitops/schemas/mlproject-v1alpha1.schema.json")) {
            assertThat(Files.readAllBytes(init.schema())).isEqualTo(shipped.readAllBytes());
        }
    }

    @Test
    void explainsTheFieldsInComments() throws IOException {
        InitResult init = MlGitops.init(folder).setName("churn").setTeam("growth").setStages(List.of("serving")).call();

        String text = Files.readString(init.spec(), StandardCharsets.UTF_8);
        assertThat(text).contains(
                "  name: churn                               # at most 40 characters; prefixes every object's name\n",
                "  team: growth                              # the owning team, a label on every object\n",
                "    path: projects/churn                    # the folder of that repository this project owns\n",
                "      engine: deployment                    # deployment | kserve | vllm; each engine's fields: docs/engines.md\n",
                "      namespace: churn-prod\n");
        assertThat(text).doesNotContain("training:", "featureStore:", "secrets:");
    }

    @Test
    void refusesToOverwriteAnExistingSpecUnlessForced() throws IOException {
        Files.writeString(folder.resolve("mlproject.yaml"), "mine\n");

        InitResult refused = MlGitops.init(folder).call();

        assertThat(refused.findings()).extracting(FindingLine::text)
                .containsExactly("mlproject.yaml: error [MLG-INIT-EXISTS] mlproject.yaml exists already: edit it, or force init to overwrite it");
        assertThat(folder.resolve("mlproject.yaml")).hasContent("mine");
        assertThat(folder.resolve(".mlgitops")).doesNotExist();

        InitResult forced = MlGitops.init(folder).setForce(true).call();

        assertThat(forced.passed()).isTrue();
        assertThat(Files.readString(folder.resolve("mlproject.yaml"))).startsWith("# yaml-language-server:");
    }

    @Test
    void rejectsNamesThatAreNotDns1035LabelsOrTooLongAndUnknownStages() {
        StarterFiles init = Starter.write(folder, InitOptions.defaults().withName("a".repeat(41)).withTeam("Risk_ML")
                .withStages(List.of("serving", "servng")));

        assertThat(init.findings().sorted()).extracting(Finding::message).containsExactlyInAnyOrder(
                "'" + "a".repeat(41) + "' is not a valid project name (metadata.name): use at most 40 lowercase letters,"
                        + " digits and '-', starting with a letter and ending with a letter or digit",
                "'Risk_ML' is not a valid team name (metadata.team): use at most 63 lowercase letters,"
                        + " digits and '-', starting with a letter and ending with a letter or digit",
                "'servng' is not a stage: use any of tenancy, feature-store, model-registry, training, notebooks, serving, monitoring");
        assertThat(folder.resolve("mlproject.yaml")).doesNotExist();
    }
}
