package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.ReviewResult;
import picocli.CommandLine.Command;

@Command(name = "check", description = {"Fail (exit 1) when the committed tree is not what the spec generates: for CI.",
    "Reads the GitOps repository's branch, or the tree in --output-directory. Writes nothing but the clone."})
class CheckSubcommand extends CompareSubcommand {

    @Override
    ReviewResult compare(Path file) {
        return configureGitOps(MlGitops.check(file)).setOutputDirectory(outputDirectory).setReview(markdown()).call();
    }

    @Override
    void onDrift(ReviewResult result) {
        result.driftLines().forEach(err()::println);
        err().println("mlgitops: " + result.driftSummary().orElseThrow() + "; run 'mlgitops generate' and commit the result");
        err().flush();
    }
}
