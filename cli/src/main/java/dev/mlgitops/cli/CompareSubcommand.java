package dev.mlgitops.cli;

import java.nio.file.Path;

import dev.mlgitops.Options;
import dev.mlgitops.ReviewResult;
import picocli.CommandLine.Option;

/**
 * What {@code check} and {@code diff} share: the tree compared with, and how a comparison is
 * printed up to the drift, which each treats in its own way.
 */
abstract class CompareSubcommand extends GitOpsSubcommand {

    @Option(names = Options.OUTPUT_DIRECTORY_FLAG, paramLabel = "FOLDER",
            description = "Compare with the tree in <FOLDER>/<spec.gitops.path> instead of the GitOps repository.")
    Path outputDirectory;

    @Override
    final int runWithRepository(Path file) {
        ReviewResult result = compare(file);
        if (json()) {
            out().print(Drift.json(findingsJson(result), result));
            out().flush();
            return exitCode(result);
        }
        report(result);
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

    /** The subcommand's porcelain call. */
    abstract ReviewResult compare(Path file);

    /** Prints a tree out of step. */
    abstract void onDrift(ReviewResult result);
}
