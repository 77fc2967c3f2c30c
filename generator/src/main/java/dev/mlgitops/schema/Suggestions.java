package dev.mlgitops.schema;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds what a user probably meant: the closest known word by edit distance, when it is close. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate closest to {@code given} (ignoring case), if it differs by at most a third of its
     * length (and at least two edits are allowed), so a typo gets a suggestion and a different word none;
     * failing that, the one candidate that {@code given} shortens or lengthens.
     */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        String wanted = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(2, best.length() / 3)) {
            return Optional.of(best);
        }
        return onlyOneSharingTheStart(wanted, candidates);
    }

    /** 'argo' for 'argo-workflows', 'automatic' for 'auto': a shortened or lengthened word, when unambiguous. */
    private static Optional<String> onlyOneSharingTheStart(String wanted, Collection<String> candidates) {
        if (wanted.length() < 3) {
            return Optional.empty();
        }
        List<String> matches = candidates.stream().filter(candidate -> {
            String known = candidate.toLowerCase(Locale.ROOT);
            return known.length() >= 3 && (known.startsWith(wanted) || wanted.startsWith(known));
        }).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions, one each. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
