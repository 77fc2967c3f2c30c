package dev.mlgitops.model;

import java.util.Optional;

import org.eclipse.jgit.lib.Repository;

/**
 * What git accepts as a branch name: the spec's {@code targetRevision} (checked with the meaning)
 * and the branch options of the commands that publish (checked before they run) follow one rule.
 */
public final class BranchNames {

    /** Git's own limit on a ref's name is the file system's, 255 bytes for one file name. */
    public static final int MAX = 200;

    private BranchNames() {
    }

    /** Why {@code name} cannot be a branch (git's check-ref-format rules, the length limit); empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX) {
            return Optional.of("it has " + length + " characters, more than the limit of " + MAX);
        }
        if (name.equals("HEAD") || Repository.isValidRefName("refs/heads/" + name)) {
            return Optional.empty();
        }
        return Optional.of("git check-ref-format refuses control characters, spaces, '..', '~', '^', ':', '?', '*', "
                + "'[', '\\', '@{', a '/' or '.' at either end, '//' and a '.lock' ending");
    }
}
