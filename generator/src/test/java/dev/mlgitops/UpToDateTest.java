package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlgitops.build.BuildOptions;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.yaml.Header;

/** A generate run with a stamp skips the work exactly when its inputs and its tree are unchanged. */
class UpToDateTest {

    private static final String DEPLOYMENT = "base/serving/deployment-fraud-detection-explainer.yaml";

    @TempDir
    Path folder;

    private Path spec;
    private Path output;
    private Path stamp;

    @BeforeEach
    void firstRun() throws IOException {
        spec = Files.copy(CaseFolders.REFERENCE, folder.resolve("mlproject.yaml"));
        output = folder.resolve("gitops");
        stamp = folder.resolve("target/generate.stamp");
        GenerateResult first = generate();
        assertThat(first.upToDate()).isFalse();
        assertThat(first.written()).hasSize(157);
    }

    @Test
    void skipsAnUnchangedRunWithTheLastRunsFindingsAndTree() {
        BuildOutcome full = Builder.build(spec, BuildOptions.defaults());

        GenerateResult again = generate();

        assertThat(again.upToDate()).isTrue();
        assertThat(again.written()).isEmpty();
        assertThat(again.unchanged()).hasSize(157);
        assertThat(again.tree().orElseThrow()).isEqualTo(full.tree().orElseThrow());
        assertThat(again.findings()).extracting(FindingLine::text)
                .isEqualTo(full.findings().sorted().stream().map(f -> f.format("mlproject.yaml")).toList());
        assertThat(again.objects()).isEqualTo(full.objects());
        assertThat(again.summary()).isPresent();
    }

    @Test
    void aSkippedRunReportsTheLastRunsWarningsAgain() throws IOException {
        spec = Files.copy(CaseFolders.ONE_REPLICA, Files.createDirectories(folder.resolve("warned")).resolve("mlproject.yaml"));
        output = folder.resolve("warned/gitops");
        stamp = folder.resolve("warned/target/generate.stamp");
        GenerateResult first = generate();

        GenerateResult again = generate();

        assertThat(first.upToDate()).isFalse();
        assertThat(again.upToDate()).isTrue();
        assertThat(again.findings()).extracting(FindingLine::text).isEqualTo(first.findings().stream().map(FindingLine::text).toList())
                .singleElement().asString().startsWith("mlproject.yaml:18:18: warning [MLG-POLICY-REPLICAS] spec.serving.explainer.replicas.min:");
    }

    @Test
    void restoresAFileEditedByHand() throws IOException {
        Path edited = tree().resolve(DEPLOYMENT);
        String generated = Files.readString(edited);
        Files.writeString(edited, generated + "# edited by hand\n");

        GenerateResult again = generate();

        assertThat(again.upToDate()).isFalse();
        assertThat(again.written()).containsExactly(DEPLOYMENT);
        assertThat(Files.readString(edited)).isEqualTo(generated);
    }

    @Test
    void restoresADeletedFileAndRemovesAStaleOneOfOurs() throws IOException {
        Files.delete(tree().resolve(DEPLOYMENT));
        Path stale = tree().resolve("base/serving/service-gone.yaml");
        Files.writeString(stale, Header.forSource("mlproject.yaml") + "kind: Service\n");

        GenerateResult again = generate();

        assertThat(again.upToDate()).isFalse();
        assertThat(again.written()).containsExactly(DEPLOYMENT);
        assertThat(again.removed()).containsExactly("base/serving/service-gone.yaml");
        assertThat(stale).doesNotExist();
    }

    @Test
    void leavesAUsersOwnFileAloneAndStaysUpToDate() throws IOException {
        Files.writeString(tree().resolve("base/NOTES.md"), "ours, not the generator's\n");

        assertThat(generate().upToDate()).isTrue();
    }

    @Test
    void worksAgainWhenTheSpecChanges() throws IOException {
        Files.writeString(spec, Files.readString(spec).replace("cost-center: cc-4711", "cost-center: cc-4712"));

        GenerateResult again = generate();

        assertThat(again.upToDate()).isFalse();
        assertThat(Files.readString(tree().resolve(DEPLOYMENT))).contains("cost-center: cc-4712");
        assertThat(generate().upToDate()).isTrue();
    }

    @Test
    void worksAgainWhenABlueprintOrAnOptionChanges() throws IOException {
        Path blueprints = Files.createDirectories(folder.resolve("blueprints"));
        Files.writeString(blueprints.resolve("unused.ftl"), "<#-- a file the engines do not list -->\n");
        assertThat(command().setBlueprints(blueprints).call().upToDate()).isFalse();
        assertThat(command().setBlueprints(blueprints).call().upToDate()).isTrue();

        Files.writeString(blueprints.resolve("unused.ftl"), "<#-- changed -->\n");
        assertThat(command().setBlueprints(blueprints).call().upToDate()).isFalse();

        assertThat(command().setBlueprints(blueprints).setEnvironments(List.of("dev")).call().upToDate()).isFalse();
    }

    @Test
    void aDamagedStampIsNoStamp() throws IOException {
        Files.writeString(stamp, "{\"version\": 1, \"inputs\": ", StandardCharsets.UTF_8);

        GenerateResult again = generate();

        assertThat(again.upToDate()).isFalse();
        assertThat(again.findings()).noneMatch(FindingLine::error);
        assertThat(generate().upToDate()).isTrue();
    }

    @Test
    void withoutAStampEveryRunWorks() {
        assertThat(command().setStamp(null).call().upToDate()).isFalse();
        assertThat(command().setStamp(null).call().upToDate()).isFalse();
    }

    /** A generate run over the first run's output, with its stamp; runs it. */
    private GenerateResult generate() {
        return command().call();
    }

    private GenerateCommand command() {
        return MlGitops.generate(spec).setOutputDirectory(output).setStamp(stamp);
    }

    private Path tree() {
        return output.resolve("projects/fraud-detection");
    }
}
