package dev.mlgitops.finding;

import java.util.Optional;

/**
 * Says where a value of a resolved spec came from in the source file, so a finding about a
 * merged environment points at the override that caused it, or else at the spec.
 */
public interface Locator {

    /** A locator that knows no positions: findings name the spec's paths only. */
    Locator NOWHERE = new Locator() {
        @Override
        public String origin(String specPointer) {
            return "/spec" + specPointer;
        }

        @Override
        public Optional<Position> position(String sourcePointer) {
            return Optional.empty();
        }
    };

    /** The pointer in the file (e.g. {@code /spec/environments/dev/overrides/serving}) behind a spec pointer. */
    String origin(String specPointer);

    /** The position of a pointer in the file, or of its nearest ancestor that has one. */
    Optional<Position> position(String sourcePointer);

    /** A finding about the value at {@code specPointer} of the resolved spec. */
    default Finding finding(Code code, String specPointer, String message) {
        String origin = origin(specPointer);
        return Finding.of(code, dotted(origin), position(origin).orElse(null), message);
    }

    /** The dotted path users read ({@code spec.serving.x}) for a JSON pointer. */
    static String dotted(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (String token : pointer.substring(1).split("/", -1)) {
            String name = token.replace("~1", "/").replace("~0", "~");
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    /** Escapes one key for use in a JSON pointer (RFC 6901). */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
