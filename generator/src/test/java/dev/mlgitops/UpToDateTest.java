package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.yaml.Header;

/** A generate run with a stamp skips the work exactly when its inputs and its tree are unchanged. */
class UpToDateTest {

    private static final String DEPLOYMENT = "base/serving/deployment-fraud-detection-explainer.yaml";

    @TempDir
    Path folder;

    private Path spec;
    private Path output;
    private GenerateOptions options;

    @BeforeEach
    void firstRun() throws IOException {
        spec = Files.copy(CaseFolders.REFERENCE, folder.resolve("mlproject.yaml"));
        output = folder.resolve("gitops");
        options = GenerateOptions.defaults().withOutputDirectory(output).withStamp(folder.resolve("target/generate.stamp"));
        Generation first = MlGitops.generate(spec, options);
        assertThat(first.upToDate()).isFalse();
        assertThat(first.written().orElseThrow().written()).hasSize(113);
    }

    @Test
    void skipsAnUnchangedRunWithTheLastRunsFindingsAndTree() {
        Generation full = MlGitops.build(spec, options);

        Generation again = MlGitops.generate(spec, options);

        assertThat(again.upToDate()).isTrue();
        assertThat(again.written().orElseThrow().written()).isEmpty();
        assertThat(again.written().orElseThrow().unchanged()).hasSize(113);
        assertThat(again.tree().orElseThrow()).isEqualTo(full.tree().orElseThrow());
        assertThat(again.findings().sorted()).extracting(f -> f.format("mlproject.yaml"))
                .isEqualTo(full.findings().sorted().stream().map(f -> f.format("mlproject.yaml")).toList())
                .anySatisfy(line -> assertThat(line).contains("warning [MLG-RENDER-KSERVE-HOST]"));
        assertThat(again.objects()).isEqualTo(full.objects());
        assertThat(again.summary()).isPresent();
    }

    @Test
    void restoresAFileEditedByHand() throws IOException {
        Path edited = tree().resolve(DEPLOYMENT);
        String generated = Files.readString(edited);
        Files.writeString(edited, generated + "# edited by hand\n");

        Generation again = MlGitops.generate(spec, options);

        assertThat(again.upToDate()).isFalse();
        assertThat(again.written().orElseThrow().written()).containsExactly(DEPLOYMENT);
        assertThat(Files.readString(edited)).isEqualTo(generated);
    }

    @Test
    void restoresADeletedFileAndRemovesAStaleOneOfOurs() throws IOException {
        Files.delete(tree().resolve(DEPLOYMENT));
        Path stale = tree().resolve("base/serving/service-gone.yaml");
        Files.writeString(stale, Header.forSource("mlproject.yaml") + "kind: Service\n");

        Generation again = MlGitops.generate(spec, options);

        assertThat(again.upToDate()).isFalse();
        assertThat(again.written().orElseThrow().written()).containsExactly(DEPLOYMENT);
        assertThat(again.written().orElseThrow().removed()).containsExactly("base/serving/service-gone.yaml");
        assertThat(stale).doesNotExist();
    }

    @Test
    void leavesAUsersOwnFileAloneAndStaysUpToDate() throws IOException {
        Files.writeString(tree().resolve("base/NOTES.md"), "ours, not the generator's\n");

        assertThat(MlGitops.generate(spec, options).upToDate()).isTrue();
    }

    @Test
    void worksAgainWhenTheSpecChanges() throws IOException {
        Files.writeString(spec, Files.readString(spec).replace("cost-center: cc-4711", "cost-center: cc-4712"));

        Generation again = MlGitops.generate(spec, options);

        assertThat(again.upToDate()).isFalse();
        assertThat(Files.readString(tree().resolve(DEPLOYMENT))).contains("cost-center: cc-4712");
        assertThat(MlGitops.generate(spec, options).upToDate()).isTrue();
    }

    @Test
    void worksAgainWhenABlueprintOrAnOptionChanges() throws IOException {
        Path blueprints = Files.createDirectories(folder.resolve("blueprints"));
        Files.writeString(blueprints.resolve("unused.ftl"), "<#-- a file the engines do not list -->\n");
        GenerateOptions withBlueprints = options.withBlueprints(blueprints);
        assertThat(MlGitops.generate(spec, withBlueprints).upToDate()).isFalse();
        assertThat(MlGitops.generate(spec, withBlueprints).upToDate()).isTrue();

        Files.writeString(blueprints.resolve("unused.ftl"), "<#-- changed -->\n");
        assertThat(MlGitops.generate(spec, withBlueprints).upToDate()).isFalse();

        assertThat(MlGitops.generate(spec, withBlueprints.withEnvironments(java.util.List.of("dev"))).upToDate()).isFalse();
    }

    @Test
    void aDamagedStampIsNoStamp() throws IOException {
        Files.writeString(options.stamp().orElseThrow(), "{\"version\": 1, \"inputs\": ", StandardCharsets.UTF_8);

        Generation again = MlGitops.generate(spec, options);

        assertThat(again.upToDate()).isFalse();
        assertThat(again.findings().sorted()).filteredOn(Finding::isError).isEmpty();
        assertThat(MlGitops.generate(spec, options).upToDate()).isTrue();
    }

    @Test
    void withoutAStampEveryRunWorks() {
        GenerateOptions noStamp = options.withStamp(null);

        assertThat(MlGitops.generate(spec, noStamp).upToDate()).isFalse();
        assertThat(MlGitops.generate(spec, noStamp).upToDate()).isFalse();
    }

    private Path tree() {
        return output.resolve("projects/fraud-detection");
    }
}
