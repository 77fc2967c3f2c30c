package dev.mlgitops;

import java.util.Locale;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.git.CommitTreeResult;

/**
 * What {@code promote} did: {@link Status#CLEAN} with the commit (or with nothing to do, when the
 * target pins that release already), {@link Status#REFUSED} with why and what to do (a release
 * the environment before never had, an unknown release or environment, the deletion guard),
 * {@link Status#FINDINGS} when the spec has errors, {@link Status#REJECTED} when the remote refused
 * the push.
 */
public final class PromoteResult extends Result {

    private final String message;
    private final Optional<CommitTreeResult> published;
    private final Optional<String> review;

    private PromoteResult(Status status, String sourceFile, Findings findings, String message,
                          Optional<CommitTreeResult> published, Optional<String> review) {
        super(status, sourceFile, findings);
        this.message = message;
        this.published = published;
        this.review = review;
    }

    static PromoteResult stopped(Status status, String sourceFile, Findings findings, String message) {
        return new PromoteResult(status, sourceFile, findings, message, Optional.empty(), Optional.empty());
    }

    /** Refused after the change was reviewed (by the deletion guard): the review says what it would have done. */
    static PromoteResult refused(String sourceFile, Findings findings, String message, String review) {
        return new PromoteResult(Status.REFUSED, sourceFile, findings, message, Optional.empty(), Optional.of(review));
    }

    static PromoteResult done(Status status, String sourceFile, Findings findings, String message, CommitTreeResult result,
                              String review) {
        return new PromoteResult(status, sourceFile, findings, message, Optional.of(result), Optional.of(review));
    }

    /**
     * The promotion's review.md: the release diff above the objects and files it changes, and its
     * flags, a release that skipped an environment ({@code RELEASE_SKIPPED}) among them; empty
     * when nothing was to be changed.
     */
    public Optional<String> reviewMarkdown() {
        return review;
    }

    /** What was promoted, or why nothing was ({@code promoted release 1a2b3c4d5e6f from staging to prod (was ...)}). */
    public String message() {
        return message;
    }

    /** The branch committed on; empty when nothing was committed. */
    public Optional<String> branch() {
        return published.map(CommitTreeResult::branch);
    }

    /** The branch's head after the promotion, abbreviated to 12 characters. */
    public Optional<String> shortCommitId() {
        return published.flatMap(CommitTreeResult::commitId).map(id -> id.substring(0, Math.min(12, id.length())));
    }

    /** Why the remote refused the push, when it did. */
    public Optional<String> rejection() {
        return published.flatMap(CommitTreeResult::rejection);
    }

    /** What happened to the branch in lower case ({@code committed}, {@code pushed}, ...); empty when nothing was committed. */
    public Optional<String> outcomeName() {
        return published.map(p -> p.status().name().toLowerCase(Locale.ROOT));
    }
}
