package dev.mlgitops.load;

import java.util.Optional;

/**
 * Says in plain words what a YAML indentation mistake is, where the parser only reports the token
 * it could not place ("mapping values are not allowed here", "expected &lt;block end&gt;"). YAML
 * reads a key indented deeper than the line above as part of that line's value, and a key
 * indented between two levels as belonging to neither; both are the line's own fault, so the
 * hint names that line, its indentation and the key it should line up with.
 */
final class IndentationHint {

    /** The problem, at the first character of the key that is out of line. */
    record Hint(int line, int column, String problem) {
    }

    private final String[] lines;

    private IndentationHint(String text) {
        this.lines = text.split("\\R", -1);
    }

    /** After "mapping values are not allowed here" at {@code line} (1-based). */
    static Optional<Hint> deeperThanTheLineAbove(String text, int line) {
        IndentationHint hint = new IndentationHint(text);
        int above = hint.contentLineBefore(line);
        if (above < 1 || !hint.isKeyLine(line) || hint.indent(line) <= hint.indent(above)) {
            return Optional.empty();
        }
        return Optional.of(hint.at(line, String.format("'%s' is indented %d spaces, deeper than '%s' on line %d, so YAML "
                + "reads it as part of that line's value (indent it like the keys it belongs with)",
                hint.key(line), hint.indent(line), hint.key(above), above)));
    }

    /** After "expected &lt;block end&gt;, but found ..." at {@code line} (1-based). */
    static Optional<Hint> betweenLevels(String text, int line) {
        IndentationHint hint = new IndentationHint(text);
        int above = hint.contentLineBefore(line);
        if (above < 1 || !hint.isKeyLine(line) || hint.indent(line) >= hint.indent(above)) {
            return Optional.empty();
        }
        return Optional.of(hint.at(line, String.format("'%s' is indented %d spaces, less than '%s' on line %d (%d) but "
                + "more than the mapping that holds it (indent the keys of one mapping alike)",
                hint.key(line), hint.indent(line), hint.key(above), above, hint.indent(above))));
    }

    private Hint at(int line, String problem) {
        return new Hint(line, indent(line) + 1, problem);
    }

    /** The nearest line before {@code line} that holds more than blanks or a comment; 0 if none. */
    private int contentLineBefore(int line) {
        for (int candidate = line - 1; candidate >= 1; candidate--) {
            String text = text(candidate).strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                return candidate;
            }
        }
        return 0;
    }

    private boolean isKeyLine(int line) {
        return key(line).length() > 0;
    }

    /** The plain key the line starts with ({@code path} of {@code    path: x}), or "" if none. */
    private String key(int line) {
        String text = text(line).strip();
        if (text.startsWith("- ")) {
            text = text.substring(2).strip();
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || (colon + 1 < text.length() && text.charAt(colon + 1) != ' ')) {
            return "";
        }
        String key = text.substring(0, colon);
        return key.matches("[A-Za-z0-9_.\\-]+") ? key : "";
    }

    private int indent(int line) {
        String text = text(line);
        int spaces = 0;
        while (spaces < text.length() && text.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    private String text(int line) {
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
