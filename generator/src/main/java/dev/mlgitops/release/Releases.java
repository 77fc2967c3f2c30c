package dev.mlgitops.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.mlgitops.MlGitopsException;

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

    /**
     * Each environment's pinned release in the tree written under {@code root}: only its
     * {@code overlays/<env>/release.yaml} files are read. Empty when nothing is written there yet.
     */
    public static SortedMap<String, Release> pinnedIn(Path root) {
        SortedMap<String, String> files = new TreeMap<>();
        Path overlays = root.resolve("overlays");
        if (!Files.isDirectory(overlays)) {
            return new TreeMap<>();
        }
        try (Stream<Path> environments = Files.list(overlays)) {
            for (Path file : environments.map(folder -> folder.resolve(Release.FILE)).filter(Files::isRegularFile).toList()) {
                files.put(Release.path(file.getParent().getFileName().toString()), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new MlGitopsException("reading the releases pinned under " + overlays + ": " + e.getMessage());
        }
        return pinned(files);
    }
}
