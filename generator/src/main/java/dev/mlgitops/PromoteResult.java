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

    private PromoteResult(Status status, String sourceFile, Findings findings, String message,
                          Optional<CommitTreeResult> published) {
        super(status, sourceFile, findings);
        this.message = message;
        this.published = published;
    }

    static PromoteResult stopped(Status status, String sourceFile, Findings findings, String message) {
        return new PromoteResult(status, sourceFile, findings, message, Optional.empty());
    }

    static PromoteResult done(Status status, String sourceFile, Findings findings, String message, CommitTreeResult result) {
        return new PromoteResult(status, sourceFile, findings, message, Optional.of(result));
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
