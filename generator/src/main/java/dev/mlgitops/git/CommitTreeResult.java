package dev.mlgitops.git;

import java.util.List;
import java.util.Optional;

/**
 * What a publish did.
 *
 * @param status the outcome
 * @param branch the branch published to (the new branch in new-branch mode)
 * @param commitId the branch's head after the publish; empty only when the branch still has no commit
 * @param committed whether this publish made the head commit
 * @param pushed whether the remote branch now holds the head (false when pushing was not asked for)
 * @param retries how many times the push was retried after the remote had moved
 * @param written files written, relative to the tree's root, by the last attempt
 * @param removed generated files removed, relative to the tree's root, by the last attempt
 * @param rejection why the remote refused the push, when it did
 */
public record CommitTreeResult(Status status, String branch, Optional<String> commitId, boolean committed,
        boolean pushed, int retries, List<String> written, List<String> removed, Optional<String> rejection) {

    public CommitTreeResult {
        written = List.copyOf(written);
        removed = List.copyOf(removed);
    }

    /** Nothing changed: no commit was made and nothing was left to push. */
    public boolean unchanged() {
        return status == Status.UNCHANGED;
    }

    public enum Status {
        /** The tree was already committed (and pushed, when pushing was asked for). */
        UNCHANGED,
        /** A commit was made and not pushed, as asked. */
        COMMITTED,
        /** The remote branch now holds the tree. */
        PUSHED,
        /** The remote refused the push, or kept moving through every retry; nothing was forced. */
        REJECTED
    }
}
