package dev.mlgitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.mlgitops.build.Builder;
import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.BuildOptions;

/**
 * Every broken example, run through the facade as a user's build runs it: each case folder
 * {@code corpus/<area>/<case>} holds the spec and the exact finding lines it must produce
 * (refresh them with {@code -Dmlgitops.updateGolden=true} and review the diff). A case with a
 * {@code blueprints/} folder builds with those templates in place of the built-in ones.
 */
class CorpusTest {

    static Stream<Path> cases() {
        return CaseFolders.corpus();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedFindingsAndNoTreeOnErrors(Path caseFolder) {
        BuildOptions options = BuildOptions.defaults();
        if (Files.isDirectory(caseFolder.resolve("blueprints"))) {
            options = options.withBlueprints(caseFolder.resolve("blueprints"));
        }

        // an exception would fail the test: bad input must become findings, never a stack trace
        BuildOutcome generation = Builder.build(caseFolder.resolve(CaseFolders.SPEC), options);

        CaseFolders.assertFindings(caseFolder, generation.findings());
        assertThat(generation.tree().isPresent()).as("a tree exactly when there is no error")
                .isEqualTo(!generation.findings().hasErrors());
        assertThat(CaseFolders.lines(generation.findings())).noneMatch(line -> line.contains("Exception")
                || line.contains("\tat ") || line.contains("dev.mlgitops."));
    }
}
