package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.ReviewResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diff", description = {"Show what generate would change in the committed tree, file by file:",
    "+ path (generate would add it), ~ path (would change it), - path (would remove it); then the",
    "review: flags a reviewer must not miss and objects by environment and stage, as Markdown in --review.",
    "Reads the GitOps repository's branch, or the tree in --output-directory; exits 0 unless the spec has errors."})
class DiffSubcommand extends CompareSubcommand {

    @Option(names = Options.REVIEW_FLAG, paramLabel = "FILE",
            description = "Where the Markdown review goes. Default: target/mlgitops/review.md.")
    Path review;

    private Path reviewFile;

    @Override
    ReviewResult compare(Path file) {
        reviewFile = (review != null ? review : Path.of("target", "mlgitops", "review.md")).toAbsolutePath().normalize();
        return configureGitOps(MlGitops.diff(file)).setOutputDirectory(outputDirectory).setReviewFile(reviewFile).call();
    }

    @Override
    void onDrift(ReviewResult result) {
        result.driftLines().forEach(this::say);
        result.reviewLines().forEach(line -> say("mlgitops: " + line));
        say("mlgitops: review written to " + reviewFile);
        say("mlgitops: " + result.driftSummary().orElseThrow());
    }
}
