package dev.mlgitops.release;

/**
 * A release an environment pinned at some commit of the GitOps repository: what a rollback
 * looks for, and what tells a promotion which releases an environment has had.
 *
 * @param commit the commit that pinned it (its full id)
 */
public record PastRelease(String environment, String commit, Release release) {
}
