package dev.mlgitops.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.yaml.Header;

/**
 * How a committed tree differs from the tree generated now, by path relative to the tree's root.
 *
 * @param missing generated now, not committed
 * @param different committed with other content
 * @param stale committed, carrying the generator's header, and no longer generated (a write would remove them)
 */
public record TreeComparison(List<String> missing, List<String> different, List<String> stale) {

    public TreeComparison {
        missing = List.copyOf(missing);
        different = List.copyOf(different);
        stale = List.copyOf(stale);
    }

    /**
     * Compares a tree with the committed files under its root, within the tree's scope: a run
     * limited to some environments speaks for nothing of the others.
     */
    public static TreeComparison of(OutputTree tree, Map<String, String> committed) {
        Map<String, String> inScope = new TreeMap<>();
        committed.forEach((path, text) -> {
            if (tree.speaksFor(path)) {
                inScope.put(path, text);
            }
        });
        return between(tree.files(), inScope);
    }

    /**
     * Compares the generated files with the committed ones. A committed file without the
     * generator's header that is not generated is someone else's and not a difference.
     */
    public static TreeComparison between(Map<String, String> generated, Map<String, String> committed) {
        List<String> missing = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        generated.forEach((path, text) -> {
            String existing = committed.get(path);
            if (existing == null) {
                missing.add(path);
            } else if (!existing.equals(text)) {
                different.add(path);
            }
        });
        committed.forEach((path, text) -> {
            if (!generated.containsKey(path) && Header.isGenerated(text)) {
                stale.add(path);
            }
        });
        return new TreeComparison(missing.stream().sorted().toList(), different.stream().sorted().toList(),
                stale.stream().sorted().toList());
    }

    public boolean inSync() {
        return missing.isEmpty() && different.isEmpty() && stale.isEmpty();
    }

    /**
     * One line a file, as {@code generate} would change it: {@code + path} added, {@code ~ path}
     * changed, {@code - path} removed, in that order (terraform's plan marks, and a unified
     * diff's + and -). The one drift notation of {@code check} and {@code diff} in both front ends.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        missing.forEach(path -> lines.add("+ " + path));
        different.forEach(path -> lines.add("~ " + path));
        stale.forEach(path -> lines.add("- " + path));
        return lines;
    }

    /** The counts in the same notation: "3 files: 1 added (+), 1 changed (~), 1 removed (-)". */
    public String summary() {
        int files = missing.size() + different.size() + stale.size();
        return files + (files == 1 ? " file: " : " files: ") + missing.size() + " added (+), "
                + different.size() + " changed (~), " + stale.size() + " removed (-)";
    }
}
