package dev.mlgitops.write;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a folder differs from the tree generated now, by path relative to the tree's root.
 *
 * @param missing files the tree holds and the folder does not
 * @param different files in both whose bytes differ
 * @param stale generated files in the folder that the tree no longer holds
 */
public record TreeDrift(List<String> missing, List<String> different, List<String> stale) {

    public TreeDrift {
        missing = List.copyOf(missing);
        different = List.copyOf(different);
        stale = List.copyOf(stale);
    }

    /** The folder holds exactly the generated tree. */
    public boolean inStep() {
        return missing.isEmpty() && different.isEmpty() && stale.isEmpty();
    }

    /** Every path, each with its mark ({@code +} missing, {@code ~} different, {@code -} stale), in path order. */
    public List<String> lines() {
        SortedMap<String, String> marked = new TreeMap<>();
        missing.forEach(file -> marked.put(file, "+ " + file));
        different.forEach(file -> marked.put(file, "~ " + file));
        stale.forEach(file -> marked.put(file, "- " + file));
        return List.copyOf(marked.values());
    }
}
