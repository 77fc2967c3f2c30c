package dev.mlgitops.release;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The release section of a review: for each environment whose pinned release changes, the
 * release ids and each artifact's old and new reference. It goes above the file diffs of
 * {@code review.md}, so a promotion reads as what it is.
 */
public final class ReleaseDiff {

    private ReleaseDiff() {
    }

    /** The section for two trees' files (by path relative to the root): the committed one and the new one. */
    public static String markdown(Map<String, String> committed, Map<String, String> next) {
        return markdown(Releases.pinned(committed), Releases.pinned(next));
    }

    /**
     * A Markdown section, {@code ## Releases}, environments in the alphabet; "No environment
     * changes release." when none does.
     */
    public static String markdown(SortedMap<String, Release> before, SortedMap<String, Release> after) {
        StringBuilder text = new StringBuilder("## Releases\n\n");
        TreeSet<String> environments = new TreeSet<>(before.keySet());
        environments.addAll(after.keySet());
        boolean any = false;
        for (String environment : environments) {
            Optional<Release> old = Optional.ofNullable(before.get(environment));
            Optional<Release> now = Optional.ofNullable(after.get(environment));
            if (old.map(Release::id).equals(now.map(Release::id))) {
                continue;
            }
            any = true;
            text.append("- `").append(environment).append("`: release ").append(id(old)).append(" → ").append(id(now)).append('\n');
            Promotion.changes(old.orElse(Release.of(Map.of(), Map.of())), now.orElse(Release.of(Map.of(), Map.of())))
                    .forEach((artifact, change) -> text.append("  - `").append(artifact).append("`: ")
                            .append(reference(change.before())).append(" → ").append(reference(change.after())).append('\n'));
        }
        if (!any) {
            text.append("No environment changes release.\n");
        }
        return text.toString();
    }

    private static String id(Optional<Release> release) {
        return release.map(r -> "`" + r.id() + "`").orElse("(none)");
    }

    private static String reference(Optional<String> reference) {
        return reference.map(r -> "`" + r + "`").orElse("(none)");
    }
}
