package dev.mlgitops.release;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link Promotion} did: like a rejected push in JGit, a refusal is a status with a
 * message, not an exception.
 *
 * @param target the environment promoted to (or rolled back)
 * @param source where the release came from: an environment, or {@code history} for a rollback
 * @param previous the release the target pinned before; empty when it pinned none
 * @param release the release it pins now (or would have pinned, when refused); empty when none was found
 * @param files the tree's files after the promotion: the same as given unless {@link #changed()}
 * @param changes each artifact that changes, by {@code images.<key>} or {@code models.<name>}
 * @param skipped the environment before the target, when the release skipped it (allowed)
 */
public record PromotionResult(Status status, String message, String target, String source, Optional<Release> previous,
                              Optional<Release> release, SortedMap<String, String> files,
                              SortedMap<String, Change> changes, Optional<String> skipped) {

    public enum Status {
        /** The target pins the source environment's release. */
        PROMOTED,
        /** The target pins a release it had before, found in the repository's history. */
        ROLLED_BACK,
        /** The target pins that release already: nothing to commit. */
        UNCHANGED,
        /** Not allowed: the message says why and what to do. */
        REFUSED,
        /** The release asked for is not in the repository's history of either environment. */
        NOT_FOUND
    }

    /** One artifact's reference before and after; empty where the release has none. */
    public record Change(Optional<String> before, Optional<String> after) {
        @Override
        public String toString() {
            return before.orElse("(none)") + " -> " + after.orElse("(none)");
        }
    }

    public PromotionResult {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
    }

    public boolean changed() {
        return status == Status.PROMOTED || status == Status.ROLLED_BACK;
    }

    /** The commit's subject line, e.g. {@code fraud-detection: promote release 1a2b3c4d5e6f from staging to prod}. */
    public String subject(String project) {
        String id = release.map(Release::id).orElse("?");
        return status == Status.ROLLED_BACK
                ? project + ": roll " + target + " back to release " + id
                : project + ": promote release " + id + " from " + source + " to " + target;
    }

    /**
     * The commit's trailers, one {@code Key: value} a line: the release, the environments, each
     * changed artifact ({@code Artifact: images.trainer a:1 -> a:2}), and {@code Skipped: staging}
     * when the release skipped the environment before the target.
     */
    public List<String> trailers() {
        List<String> trailers = new ArrayList<>();
        release.ifPresent(r -> trailers.add("Release: " + r.id()));
        previous.ifPresent(r -> trailers.add("Previous-Release: " + r.id()));
        trailers.add((status == Status.ROLLED_BACK ? "Rolled-Back: " : "Promoted-From: ") + source);
        trailers.add("Promoted-To: " + target);
        skipped.ifPresent(environment -> trailers.add("Skipped: " + environment));
        for (Map.Entry<String, Change> change : changes.entrySet()) {
            trailers.add("Artifact: " + change.getKey() + " " + change.getValue());
        }
        return trailers;
    }
}
