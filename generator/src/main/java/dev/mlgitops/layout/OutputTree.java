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
 * @param scope the paths under the root, files or folders, this tree speaks for; {@code ""} is the
 *              whole root. Writing the tree writes and cleans only there: a run limited to some
 *              environments leaves everything else as it is
 */
public record OutputTree(String root, SortedMap<String, String> files, SortedSet<String> scope) {

    private static final String WHOLE = "";

    public OutputTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        scope = Collections.unmodifiableSortedSet(new TreeSet<>(scope));
    }

    /** A whole tree: it speaks for every file under its root. */
    public OutputTree(String root, SortedMap<String, String> files) {
        this(root, files, new TreeSet<>(Collections.singleton(WHOLE)));
    }

    /** This tree with one more file (or another text for one), in the same scope. */
    public OutputTree with(String path, String text) {
        SortedMap<String, String> more = new TreeMap<>(files);
        more.put(path, text);
        return new OutputTree(root, more, scope);
    }

    /** This tree limited to these paths (files or folders): the files elsewhere are left out, and left alone. */
    public OutputTree limitedTo(Collection<String> paths) {
        SortedMap<String, String> kept = new TreeMap<>(files);
        OutputTree limited = new OutputTree(root, kept, new TreeSet<>(paths));
        kept.keySet().removeIf(file -> !limited.speaksFor(file));
        return new OutputTree(root, kept, limited.scope());
    }

    /** Whether a path relative to the root lies in this tree's scope, so writing may create, change or remove it. */
    public boolean speaksFor(String file) {
        return scope.stream().anyMatch(path -> path.equals(WHOLE) || file.equals(path) || file.startsWith(path + "/"));
    }
}
