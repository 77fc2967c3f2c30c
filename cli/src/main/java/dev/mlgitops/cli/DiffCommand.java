package dev.mlgitops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlgitops.MlGitops;
import dev.mlgitops.MlGitopsException;
import dev.mlgitops.Preparation;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.report.DeletionGuard;
import dev.mlgitops.report.TreeReview;
import dev.mlgitops.write.TreeComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "diff", description = {"Show what generate would change in the output folder, file by file:",
    "missing (generate would add it), different (would change it), stale (would remove it); then the",
    "review the Maven diff goal writes: flags a reviewer must not miss and objects by environment and stage,",
    "as Markdown in --review. Writes nothing else; exits 0 unless the spec has errors."})
class DiffCommand extends DriftCommand {

    @Option(names = "--review", paramLabel = "FILE", defaultValue = "target/mlgitops/review.md",
            description = "Where the Markdown review goes (default: ${DEFAULT-VALUE}).")
    Path review;

    @Override
    int onDrift(TreeComparison drift, String where, Preparation prepared) {
        drift.lines().forEach(this::say);
        OutputTree tree = prepared.generation().tree().orElseThrow();
        TreeReview changes = MlGitops.review(tree, MlGitops.readFolder(outputDirectory().resolve(tree.root())),
                prepared.production().orElseThrow());
        DeletionGuard guard = DeletionGuard.defaults();
        changes.summary(guard).forEach(line -> say("mlgitops: " + line));
        try {
            Path file = review.toAbsolutePath().normalize();
            Files.createDirectories(file.getParent());
            // relative to the working folder: the review must not hold this machine's paths
            Path here = Path.of("").toAbsolutePath();
            Path compared = outputDirectory().resolve(tree.root());
            String name = compared.startsWith(here) ? here.relativize(compared).toString() : compared.getFileName().toString();
            Files.writeString(file, changes.markdown("`" + name.replace('\\', '/') + "`", guard), StandardCharsets.UTF_8);
            say("mlgitops: review written to " + file);
        } catch (IOException e) {
            throw new MlGitopsException("writing the review " + review.getFileName() + ": " + e.getClass().getSimpleName(), e);
        }
        say("mlgitops: " + drift.missing().size() + " added, " + drift.different().size() + " changed, "
                + drift.stale().size() + " removed");
        return ExitCodes.CLEAN;
    }
}
