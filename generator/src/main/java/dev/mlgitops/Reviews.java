package dev.mlgitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mlgitops.build.BuildOutcome;
import dev.mlgitops.build.Builder;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.release.Releases;
import dev.mlgitops.review.TreeReview;
import dev.mlgitops.write.TreeComparison;

/** The one comparison {@code check} and {@code diff} share, so that they agree on every drift case. */
final class Reviews {

    private Reviews() {
    }

    /**
     * Builds the tree, reads the committed one and compares them within the run's scope.
     *
     * @param onDrift the status when the trees differ
     * @param objects whether to review the objects too ({@code diff}), not only the files ({@code check})
     */
    static ReviewResult review(GitOpsCommand<?, ReviewResult> command, Optional<Path> folder, Status onDrift, boolean objects) {
        BuildOutcome built = Builder.build(command.spec(), command.buildOptions());
        if (built.tree().isEmpty()) {
            return new ReviewResult(Status.FINDINGS, built.sourceFile(), built.findings(), Optional.empty(), Optional.empty(),
                    command.guard(), "", "");
        }
        SortedMap<String, String> read = command.committed(built, folder);
        OutputTree tree = built.pinnedTo(Releases.pinned(read)).orElseThrow();
        SortedMap<String, String> committed = inScope(tree, read);
        TreeComparison files = TreeComparison.of(tree, committed);
        Optional<TreeReview> review = objects ? Optional.of(TreeReview.of(tree, committed, built.production().orElseThrow()))
                : Optional.empty();
        return new ReviewResult(files.inSync() ? Status.CLEAN : onDrift, built.sourceFile(), built.findings(),
                Optional.of(files), review, command.guard(), command.committedName(built, folder),
                command.reviewName(built, folder));
    }

    /** Writes a review's Markdown into its file, making the folders. */
    static void write(Path file, String markdown) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MlGitopsException("writing the review " + file.getFileName() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** A run limited to some environments speaks for nothing of the others. */
    static SortedMap<String, String> inScope(OutputTree tree, Map<String, String> committed) {
        SortedMap<String, String> inScope = new TreeMap<>();
        committed.forEach((path, text) -> {
            if (tree.speaksFor(path)) {
                inScope.put(path, text);
            }
        });
        return inScope;
    }
}
