package dev.mlgitops.release;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The releases a tree pins, read from its files (by path relative to the tree's root, as the
 * review and {@code readTree} hand them out): what the layout keeps in environments that do not
 * follow the spec, and what a promotion starts from.
 */
public final class Releases {

    private static final Pattern RELEASE_FILE = Pattern.compile("overlays/([^/]+)/" + Pattern.quote(Release.FILE));

    private Releases() {
    }

    /** Each environment's pinned release, by environment; empty for a tree without any (e.g. an empty one). */
    public static SortedMap<String, Release> pinned(Map<String, String> files) {
        SortedMap<String, Release> releases = new TreeMap<>();
        files.forEach((path, text) -> {
            Matcher matcher = RELEASE_FILE.matcher(path);
            if (matcher.matches()) {
                releases.put(matcher.group(1), Release.parse(path, text));
            }
        });
        return releases;
    }
}
