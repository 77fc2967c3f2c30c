package dev.mlgitops;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.git.CommitTreeResult;
import dev.mlgitops.review.Flag;

/**
 * What {@code publish} did: {@link Status#CLEAN} with what was committed and pushed,
 * {@link Status#FINDINGS} or {@link Status#REFUSED} with nothing committed, or
 * {@link Status#REJECTED} when the remote refused the push.
 */
public final class PublishResult extends Result {

    /** What happened to the branch. */
    public enum Outcome {
        /** The tree was already committed (and pushed, when pushing was asked for). */
        UNCHANGED,
        /** A commit was made and not pushed, as asked. */
        COMMITTED,
        /** The remote branch now holds the tree. */
        PUSHED,
        /** The remote refused the push, or kept moving through every retry; nothing was forced. */
        REJECTED
    }

    private final List<Flag> refusals;
    private final Optional<CommitTreeResult> published;

    private PublishResult(Status status, String sourceFile, Findings findings, List<Flag> refusals,
                          Optional<CommitTreeResult> published) {
        super(status, sourceFile, findings);
        this.refusals = List.copyOf(refusals);
        this.published = published;
    }

    static PublishResult stopped(Status status, String sourceFile, Findings findings, List<Flag> refusals) {
        return new PublishResult(status, sourceFile, findings, refusals, Optional.empty());
    }

    static PublishResult done(Status status, String sourceFile, Findings findings, CommitTreeResult result) {
        return new PublishResult(status, sourceFile, findings, List.of(), Optional.of(result));
    }

    /** The deletion guard's refusals, one line each ({@code [TOO_MANY_DELETIONS] removes 69 of 220 objects, ...}). */
    public List<String> refusals() {
        return refusals.stream().map(Flag::line).toList();
    }

    /** The refusals' messages, without their kinds. */
    public List<String> refusalMessages() {
        return refusals.stream().map(Flag::message).toList();
    }

    /**
     * The options that would allow what the guard refused, as {@link Options} properties
     * ({@value Options#ALLOW_DELETIONS}, {@value Options#ALLOW_PROD_WITH_OTHERS}), each once.
     */
    public List<String> allowingOptions() {
        return refusals.stream().map(flag -> flag.kind() == Flag.Kind.PROD_WITH_OTHERS ? Options.ALLOW_PROD_WITH_OTHERS
                : Options.ALLOW_DELETIONS).distinct().toList();
    }

    /** What happened to the branch; empty when nothing was committed (findings, the guard). */
    public Optional<Outcome> outcome() {
        return published.map(p -> Outcome.valueOf(p.status().name()));
    }

    /** The branch published to (the new branch in new-branch mode). */
    public Optional<String> branch() {
        return published.map(CommitTreeResult::branch);
    }

    /** The branch's head after the publish, abbreviated to 12 characters. */
    public Optional<String> shortCommitId() {
        return published.flatMap(CommitTreeResult::commitId).map(id -> id.substring(0, Math.min(12, id.length())));
    }

    /** Files written, relative to the tree's root. */
    public List<String> written() {
        return published.map(CommitTreeResult::written).orElse(List.of());
    }

    /** Generated files removed, relative to the tree's root. */
    public List<String> removed() {
        return published.map(CommitTreeResult::removed).orElse(List.of());
    }

    /** How many times the push was retried after the remote had moved. */
    public int retries() {
        return published.map(CommitTreeResult::retries).orElse(0);
    }

    /** Why the remote refused the push, when it did. */
    public Optional<String> rejection() {
        return published.flatMap(CommitTreeResult::rejection);
    }

    /** The outcome in lower case, e.g. {@code pushed}. */
    public Optional<String> outcomeName() {
        return outcome().map(o -> o.name().toLowerCase(Locale.ROOT));
    }
}
