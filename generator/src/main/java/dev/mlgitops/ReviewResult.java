package dev.mlgitops;

import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.review.DeletionGuard;
import dev.mlgitops.review.TreeReview;
import dev.mlgitops.write.TreeComparison;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code check} and {@code diff} found: the files that differ between the tree the spec
 * generates now and the committed one (the same comparison for both commands), and the review
 * of the objects with the flags a reviewer must not miss. {@code check} ends
 * {@link Status#DRIFT} on any difference; {@code diff} only reports it.
 */
public final class ReviewResult extends Result {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Optional<TreeComparison> files;
    private final Optional<TreeReview> review;
    private final DeletionGuard guard;
    private final String comparedWith;
    private final String reviewName;

    ReviewResult(Status status, String sourceFile, Findings findings, Optional<TreeComparison> files,
                 Optional<TreeReview> review, DeletionGuard guard, String comparedWith, String reviewName) {
        super(status, sourceFile, findings);
        this.files = files;
        this.review = review;
        this.guard = guard;
        this.comparedWith = comparedWith;
        this.reviewName = reviewName;
    }

    /** Whether the committed tree is what the spec generates; false also when findings stopped the run. */
    public boolean inSync() {
        return files.map(TreeComparison::inSync).orElse(false);
    }

    /** What was compared with: a folder relative to the base directory, or the repository and branch. */
    public String comparedWith() {
        return comparedWith;
    }

    /**
     * One line a file, as {@code generate} would change it: {@code + path} added, {@code ~ path}
     * changed, {@code - path} removed, in that order; what both commands print in both front ends.
     */
    public List<String> driftLines() {
        return files.map(TreeComparison::lines).orElse(List.of());
    }

    /**
     * The line under the {@linkplain #driftLines drift lines}, in the same notation: "gitops/x differs
     * from what mlproject.yaml generates, 2 files: 1 added (+), 1 changed (~), 0 removed (-)"; empty when in sync.
     */
    public Optional<String> driftSummary() {
        return files.filter(f -> !f.inSync())
                .map(f -> comparedWith + " differs from what " + sourceFile() + " generates, " + f.summary());
    }

    /** Generated now, not committed (generate would add them). */
    public List<String> missing() {
        return files.map(TreeComparison::missing).orElse(List.of());
    }

    /** Committed with other content (generate would change them). */
    public List<String> different() {
        return files.map(TreeComparison::different).orElse(List.of());
    }

    /** Committed, generated before and no longer (generate would remove them). */
    public List<String> stale() {
        return files.map(TreeComparison::stale).orElse(List.of());
    }

    /** A few lines for a log: the object counts, then every flag (the deletion guard's among them). */
    public List<String> reviewLines() {
        return review.map(r -> r.summary(guard)).orElse(List.of());
    }

    /**
     * The review as Markdown (a pull request's review.md): flags, a table of changes, the objects
     * per environment and stage, a unified diff per changed file; empty when findings stopped the run.
     */
    public Optional<String> reviewMarkdown() {
        return review.map(r -> r.markdown("`" + reviewName + "`", guard));
    }

    /**
     * The review's summary as Markdown, for a CI step summary ({@code --output markdown}): flags,
     * release changes, a table of changes and the objects per environment and stage, the files in
     * the drift notation, no diffs; empty when findings stopped the run or objects were not reviewed.
     */
    public Optional<String> summaryMarkdown() {
        return review.map(r -> r.summaryMarkdown("`" + reviewName + "`", guard));
    }

    /**
     * The findings report ({@link #findingsJson}) with {@code drift}: {@code inSync}, and the files
     * {@code missing} (+), {@code different} (~) and {@code stale} (-); no drift when findings stopped the run.
     */
    public String driftJson(String specUri) {
        ObjectNode root = (ObjectNode) JSON.readTree(findingsJson(specUri));
        if (!stoppedByFindings()) {
            ObjectNode node = root.putObject("drift");
            node.put("inSync", inSync());
            missing().forEach(node.putArray("missing")::add);
            different().forEach(node.putArray("different")::add);
            stale().forEach(node.putArray("stale")::add);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString((JsonNode) root) + "\n";
    }
}
