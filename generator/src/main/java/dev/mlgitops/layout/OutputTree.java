package dev.mlgitops.layout;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of a generated tree, held in memory: path relative to the tree's root (the
 * GitOps repository's {@code spec.gitops.path}, with '/' separators) to the file's whole text.
 *
 * @param root the folder of the GitOps repository the tree belongs in, e.g. {@code projects/fraud-detection}
 * @param untouched folders, relative to the root, this tree does not speak for (those of the
 *                  environments a run left out): writing it neither writes nor removes anything in them
 */
public record OutputTree(String root, SortedMap<String, String> files, SortedSet<String> untouched) {

    public OutputTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        untouched = Collections.unmodifiableSortedSet(new TreeSet<>(untouched));
    }

    /** A whole tree: it speaks for every file under its root. */
    public OutputTree(String root, SortedMap<String, String> files) {
        this(root, files, new TreeSet<>());
    }

    /** This tree without the files in these folders, which it then leaves untouched. */
    public OutputTree without(Collection<String> folders) {
        SortedMap<String, String> kept = new TreeMap<>(files);
        kept.keySet().removeIf(file -> folders.stream().anyMatch(folder -> file.startsWith(folder + "/")));
        SortedSet<String> left = new TreeSet<>(untouched);
        left.addAll(folders);
        return new OutputTree(root, kept, left);
    }

    /** Whether a path relative to the root lies in a folder this tree leaves untouched. */
    public boolean leavesUntouched(String file) {
        return untouched.stream().anyMatch(folder -> file.startsWith(folder + "/"));
    }
}
