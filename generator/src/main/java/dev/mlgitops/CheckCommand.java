package dev.mlgitops;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Compares the tree the spec generates now with the committed one, writing nothing: ends
 * {@link Status#DRIFT} on any missing, different or stale file. The committed tree is read from
 * a {@linkplain #setOutputDirectory folder} when one is given, else from the GitOps repository's
 * branch. Made by {@link MlGitops#check}; it agrees with {@link DiffCommand} on every file.
 */
public final class CheckCommand extends GitOpsCommand<CheckCommand, ReviewResult> {

    private Optional<Path> folder = Optional.empty();
    private boolean review;

    CheckCommand(Path spec) {
        super(spec);
    }

    /** Compare with the tree in this folder, as the root of the GitOps repository, instead of the repository. Default: none. */
    public CheckCommand setOutputDirectory(Path outputDirectory) {
        this.folder = Optional.ofNullable(outputDirectory).map(f -> f.toAbsolutePath().normalize());
        return this;
    }

    /**
     * Review the objects too, as {@link DiffCommand} does, for {@link ReviewResult#summaryMarkdown()}.
     * Default: false, the files only.
     */
    public CheckCommand setReview(boolean review) {
        this.review = review;
        return this;
    }

    @Override
    ReviewResult run() {
        return Reviews.review(this, folder, Status.DRIFT, review);
    }
}
