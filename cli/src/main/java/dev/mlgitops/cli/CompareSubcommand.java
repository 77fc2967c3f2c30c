package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.Options;
import dev.mlgitops.ReviewResult;
import picocli.CommandLine.Option;

/**
 * What {@code check} and {@code diff} share: the tree compared with, and how a comparison is
 * printed up to the drift, which each treats in its own way; with {@code --output markdown}
 * stdout holds the review's summary only.
 */
abstract class CompareSubcommand extends GitOpsSubcommand {

    @Option(names = Options.OUTPUT_DIRECTORY_FLAG, paramLabel = "FOLDER",
            description = "Compare with the tree in <FOLDER>/<spec.gitops.path> instead of the GitOps repository.")
    Path outputDirectory;

    @Override
    final int runWithRepository(Path file) {
        ReviewResult result = compare(file);
        if (json()) {
            out().print(result.driftJson(specUri()));
            out().flush();
            return exitCode(result);
        }
        report(result);
        if (markdown()) {
            result.summaryMarkdown().ifPresent(out()::print);
            out().flush();
        }
        if (result.stoppedByFindings()) {
            return exitCode(result);
        }
        if (result.inSync()) {
            say("mlgitops: " + result.comparedWith() + " is in step with the spec");
            return exitCode(result);
        }
        onDrift(result);
        return exitCode(result);
    }

    /** Whether stdout holds the review's summary in Markdown. */
    final boolean markdown() {
        return output == Format.markdown;
    }

    /** The subcommand's porcelain call. */
    abstract ReviewResult compare(Path file);

    /** Prints a tree out of step. */
    abstract void onDrift(ReviewResult result);
}
