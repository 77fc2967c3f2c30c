package dev.mlgitops.check;

import dev.mlgitops.finding.Locator;

/** Builds JSON pointers into {@code spec} from names. */
final class Pointers {

    private Pointers() {
    }

    static String of(String... tokens) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(Locator.escape(token));
        }
        return pointer.toString();
    }
}
