package dev.mlgitops.review;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.release.Release;
import dev.mlgitops.release.ReleaseDiff;
import dev.mlgitops.release.Releases;

/**
 * Renders a {@link TreeReview} as the Markdown a pull request shows, or as its summary for a CI
 * step summary: the same sections without the unified diffs, the files in the drift notation.
 */
final class ReviewMarkdown {

    private final TreeReview review;
    private final Map<String, String> generated;
    private final Map<String, String> committed;
    private final StringBuilder out = new StringBuilder();

    ReviewMarkdown(TreeReview review, Map<String, String> generated, Map<String, String> committed) {
        this.review = review;
        this.generated = generated;
        this.committed = committed;
    }

    /** @param diffs whether to end with a unified diff per changed file (review.md), or only the files in the drift notation (a summary) */
    String render(String comparedWith, DeletionGuard guard, boolean diffs) {
        out.append("# mlgitops review: `").append(review.root()).append("`\n\n");
        out.append("The tree generated now, compared with ").append(comparedWith)
                .append(". Production is `").append(review.production()).append("`.\n\n");
        if (review.files().inSync()) {
            out.append("No changes: the committed tree is what the spec generates now.\n");
            return out.toString();
        }
        flags(guard);
        releases();
        summary();
        objects();
        if (diffs) {
            files();
        } else {
            driftNotation();
        }
        return out.toString();
    }

    private void flags(DeletionGuard guard) {
        out.append("## Flags\n\n");
        List<Flag> flags = review.flags(guard);
        if (flags.isEmpty()) {
            out.append("None.\n\n");
            return;
        }
        for (Flag flag : flags) {
            out.append("- **").append(flag.kind()).append("** ")
                    .append(flag.environment().isEmpty() ? "" : "`" + flag.environment() + "`: ").append(flag.message());
            if (flag.kind().guard()) {
                out.append(guard.allowed(flag) ? " (allowed for this publish)" : " (publish refuses this unless allowed)");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    /** Each environment whose release changes, artifact by artifact: what a promotion is, above its files. */
    private void releases() {
        try {
            SortedMap<String, Release> before = Releases.pinned(committed);
            SortedMap<String, Release> after = Releases.pinned(generated);
            if (!before.equals(after)) {
                out.append(ReleaseDiff.markdown(before, after).strip()).append("\n\n");
            }
        } catch (MlGitopsException e) {
            // a release file edited by hand: the review still shows everything else, and says so
            out.append("## Releases\n\nThe committed releases cannot be compared: ").append(e.getMessage()).append(".\n\n");
        }
    }

    private void summary() {
        out.append("## Summary\n\n| environment | stage | added | changed | removed |\n| --- | --- | ---: | ---: | ---: |\n");
        bySection().forEach((section, changes) -> out.append("| ").append(section.replace(" / ", " | ")).append(" | ")
                .append(count(changes, ObjectChange.Change.ADDED)).append(" | ")
                .append(count(changes, ObjectChange.Change.CHANGED)).append(" | ")
                .append(count(changes, ObjectChange.Change.REMOVED)).append(" |\n"));
        out.append('\n');
    }

    private void objects() {
        out.append("## Objects\n\n");
        bySection().forEach((section, changes) -> {
            out.append("### ").append(section).append("\n\n");
            changes.forEach(change -> out.append("- ").append(change.change().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" `").append(change.object()).append("`\n"));
            out.append('\n');
        });
    }

    private void files() {
        out.append("## Files\n\n");
        review.files().missing().forEach(path -> out.append("- added `").append(path).append("`\n"));
        review.files().stale().forEach(path -> out.append("- removed `").append(path).append("`\n"));
        review.files().different().forEach(path -> out.append("- changed `").append(path).append("`\n"));
        out.append('\n');
        for (String path : review.files().different()) {
            String full = review.root().isEmpty() ? path : review.root() + "/" + path;
            out.append("### `").append(path).append("`\n\n```diff\n")
                    .append(UnifiedDiff.of(full, committed.get(path), generated.get(path))).append("```\n\n");
        }
    }

    /** The files as {@code check} and {@code diff} print them, without their content: what a CI step summary has room for. */
    private void driftNotation() {
        out.append("## Files\n\n").append(review.files().summary()).append(".\n\n```text\n");
        review.files().lines().forEach(line -> out.append(line).append('\n'));
        out.append("```\n");
    }

    /** The changes grouped under "environment / stage", in the order of the review. */
    private SortedMap<String, List<ObjectChange>> bySection() {
        SortedMap<String, List<ObjectChange>> sections = new TreeMap<>();
        for (ObjectChange change : review.changes()) {
            sections.computeIfAbsent(change.environment() + " / " + change.stage(), key -> new java.util.ArrayList<>()).add(change);
        }
        return sections;
    }

    private static long count(List<ObjectChange> changes, ObjectChange.Change kind) {
        return changes.stream().filter(c -> c.change() == kind).count();
    }
}
