package dev.mlgitops.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Repository;

/**
 * What git accepts as a branch name: the spec's {@code targetRevision} (checked with the meaning)
 * and the branch options of the commands that publish (checked before they run) follow one rule.
 *
 * <p>The rule is JGit's ({@link Repository#isValidRefName} of {@code refs/heads/<name>}). The
 * common names (ASCII letters, digits, {@code - _ . /} in the shapes git allows) are answered here
 * without JGit, so that a command that reads no repository ({@code validate}, {@code generate})
 * does not load the Git layer; every other name, and anything near the platform rules JGit adds
 * (Windows device names, a component ending in a dot), is answered by JGit itself.
 */
public final class BranchNames {

    /** Git's own limit on a ref's name is the file system's, 255 bytes for one file name. */
    public static final int MAX = 200;

    private static final Pattern DEVICE = Pattern.compile("con|prn|aux|nul|(com|lpt)[0-9]");

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
        if (name.equals("HEAD") || plainlyValid(name) || Git.isValidRefName("refs/heads/" + name)) {
            return Optional.empty();
        }
        return Optional.of("git check-ref-format refuses control characters, spaces, '..', '~', '^', ':', '?', '*', "
                + "'[', '\\', '@{', a '/' or '.' at either end, '//' and a '.lock' ending");
    }

    /**
     * Whether {@code name} is a branch JGit accepts on every platform, decided without JGit: only
     * ASCII letters, digits and {@code - _ . /}; components that are not empty, neither start nor
     * end with a dot and are no Windows device name ({@code con},
     * {@code com1.txt}); no {@code ..}; no {@code .lock} ending. False means
     * "ask JGit", not "invalid".
     */
    static boolean plainlyValid(String name) {
        if (name.isEmpty() || name.endsWith(".lock")) {
            return false;
        }
        int start = 0;
        while (start <= name.length()) {
            int slash = name.indexOf('/', start);
            int end = slash < 0 ? name.length() : slash;
            if (!plainComponent(name, start, end)) {
                return false;
            }
            start = end + 1;
            if (slash < 0) {
                break;
            }
        }
        return true;
    }

    private static boolean plainComponent(String name, int start, int end) {
        if (end == start || name.charAt(start) == '.' || name.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.';
            if (!plain || c == '.' && name.charAt(i - 1) == '.') {
                return false;
            }
        }
        // a Windows device name, alone or with an extension ("con", "com1.txt")
        int dot = name.indexOf('.', start);
        String base = name.substring(start, dot < 0 || dot > end ? end : dot).toLowerCase(Locale.ROOT);
        return !DEVICE.matcher(base).matches();
    }

    /** JGit, loaded only when a name is not plainly valid. */
    private static final class Git {
        static boolean isValidRefName(String ref) {
            return Repository.isValidRefName(ref);
        }
    }
}
