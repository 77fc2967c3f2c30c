package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init}: the options as the front ends give them, and a result, once. */
class InitCommandTest {

    @TempDir
    Path folder;

    @Test
    void takesTheStagesAsACommaListAndNamesTheFilesItWrote() throws IOException {
        InitResult init = MlGitops.init(folder).setName("churn").setTeam("growth").setStages("serving, monitoring").call();

        assertThat(init.status()).isEqualTo(Status.CLEAN);
        assertThat(init.spec()).isEqualTo(folder.resolve("mlproject.yaml"));
        assertThat(init.schema()).isEqualTo(folder.resolve(".mlgitops/mlproject-v1alpha1.schema.json"));
        assertThat(Files.readString(init.spec())).contains("  serving:", "  monitoring:").doesNotContain("  training:");
    }

    @Test
    void theDefaultsAreTheOptionsDefaults() throws IOException {
        InitResult init = MlGitops.init(folder).call();

        assertThat(Files.readString(init.spec())).contains("  name: " + Options.NAME_DEFAULT + " ",
                "  team: " + Options.TEAM_DEFAULT + " ", "  training:", "  modelRegistry:", "  serving:");
    }

    @Test
    void aBadNameIsAFindingAndWritesNothingOnce() {
        InitCommand command = MlGitops.init(folder).setName("Churn");

        InitResult init = command.call();

        assertThat(init.status()).isEqualTo(Status.FINDINGS);
        assertThat(init.findings()).extracting(FindingLine::text).singleElement().asString()
                .startsWith("mlproject.yaml: error [MLG-INIT-NAME] 'Churn' is not a valid project name");
        assertThat(folder.resolve("mlproject.yaml")).doesNotExist();
        assertThatThrownBy(command::call).isInstanceOf(IllegalStateException.class);
    }
}
