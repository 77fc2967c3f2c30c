package dev.mlgitops.layout;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of a generated tree, held in memory: path relative to the tree's root (the
 * GitOps repository's {@code spec.gitops.path}, with '/' separators) to the file's whole text.
 *
 * @param root the folder of the GitOps repository the tree belongs in, e.g. {@code projects/fraud-detection}
 */
public record OutputTree(String root, SortedMap<String, String> files) {

    public OutputTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
