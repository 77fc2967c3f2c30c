package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.Options;
import dev.mlgitops.PromoteResult;
import dev.mlgitops.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Promotes a release from one environment to the next in the GitOps repository: the Maven goal's promote, option for option. */
@Command(name = "promote", description = {"Move the release the environment before --to pins (or --from's) into --to, as a commit",
    "on a new branch of the GitOps repository for a pull request; --release ID rolls back to a release from its history.",
    "A target accepts only a release the environment before it has had, unless --allow-skip. Refusals exit 1."})
class PromoteSubcommand extends CommittingSubcommand {

    @Option(names = Options.TO_FLAG, paramLabel = "ENV", required = true, description = "The environment that takes the release.")
    String to;

    @Option(names = Options.FROM_FLAG, paramLabel = "ENV", description = "The environment whose release it takes. Default: the one before --to.")
    String from;

    @Option(names = Options.RELEASE_FLAG, paramLabel = "ID", description = "A release the environment had before, from the repository's history: a rollback.")
    String release;

    @Option(names = Options.ALLOW_SKIP_FLAG, defaultValue = Options.ALLOW_SKIP_DEFAULT,
            description = "Let the release skip the environment before --to; the commit and the review say so.")
    boolean allowSkip;

    @Option(names = Options.REVIEW_FLAG, paramLabel = "FILE",
            description = "Where the promotion's Markdown review goes. Default: target/mlgitops/review.md.")
    Path review;

    @Override
    int runWithRepository(Path file) {
        Path reviewFile = (review != null ? review : Path.of("target", "mlgitops", "review.md")).toAbsolutePath().normalize();
        PromoteResult result = configureCommit(MlGitops.promote(file, to)).setFrom(from).setRelease(release)
                .setAllowSkip(allowSkip).setReviewFile(reviewFile).call();
        int exit = finish(result);
        if (result.reviewMarkdown().isPresent()) {
            say("mlgitops: review written to " + reviewFile);
        }
        if (result.status() == Status.REFUSED) {
            err().println("mlgitops: refused: " + result.message());
            err().flush();
            return exit;
        }
        if (result.status() == Status.REJECTED) {
            err().println("mlgitops: the push to " + result.branch().orElse("") + " was rejected: " + result.rejection().orElse("")
                    + "; nothing was forced");
            err().flush();
            return exit;
        }
        say("mlgitops: " + result.message() + result.outcomeName().map(o -> "; " + o + " " + result.branch().orElse("")
                + result.shortCommitId().map(id -> " " + id).orElse("")).orElse(""));
        return exit;
    }
}
