package dev.mlgitops;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Compares the tree the spec generates now with the committed one, as {@link CheckCommand} does,
 * and reviews the change: objects added, changed and removed per environment and stage, and the
 * flags a reviewer must not miss (the deletion guard's among them). Writes only the
 * {@linkplain #setReviewFile review}; a difference is what it reports, not a failure. Made by
 * {@link MlGitops#diff}.
 */
public final class DiffCommand extends GitOpsCommand<DiffCommand, ReviewResult> {

    private Optional<Path> folder = Optional.empty();
    private Optional<Path> reviewFile = Optional.empty();

    DiffCommand(Path spec) {
        super(spec);
    }

    /** Compare with the tree in this folder, as the root of the GitOps repository, instead of the repository. Default: none. */
    public DiffCommand setOutputDirectory(Path outputDirectory) {
        this.folder = Optional.ofNullable(outputDirectory).map(f -> f.toAbsolutePath().normalize());
        return this;
    }

    /** Write the Markdown review into this file. Default: none. */
    public DiffCommand setReviewFile(Path file) {
        this.reviewFile = Optional.ofNullable(file).map(f -> f.toAbsolutePath().normalize());
        return this;
    }

    @Override
    ReviewResult run() {
        ReviewResult result = Reviews.review(this, folder, Status.CLEAN, true);
        if (reviewFile.isPresent() && result.reviewMarkdown().isPresent()) {
            Reviews.write(reviewFile.get(), result.reviewMarkdown().get());
        }
        return result;
    }
}
