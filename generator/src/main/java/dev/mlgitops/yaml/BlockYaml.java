package dev.mlgitops.yaml;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a tree the way {@link KubeYaml}'s mapper does (Jackson's YAML generator over SnakeYAML's
 * emitter, with minimal quotes, literal blocks, no document marker, no line splitting), byte for
 * byte, without the event objects and per-scalar analysis of the library: writing YAML is a good
 * part of a large run. It covers what mlgitops writes: mappings, sequences, strings of printable
 * ASCII and line feeds, integers, booleans and nulls. Anything else (another character, another
 * kind of number, a key the emitter would write as a complex key, a scalar it would single-quote
 * or fold) makes it give up, and the library writes the tree: {@code null}.
 *
 * <p>The emitter's state is kept as it keeps it (column, whether the last character written is
 * a space, whether only indentation is on the line) and its rules are followed one for one, so
 * what it writes follows from the same decisions. {@code BlockYamlTest} compares both on
 * every case it can think of.
 */
final class BlockYaml {

    /** The emitter's limit: a longer key is written as a complex key ({@code ? key}). */
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;
    private static final int BEST_INDENT = 2;
    /** No indentation yet (the emitter's null indent). */
    private static final int NONE = -1;

    private final PlainScalarQuoting quoting;
    private final StringBuilder out = new StringBuilder(256);
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;

    private BlockYaml(PlainScalarQuoting quoting) {
        this.quoting = quoting;
    }

    /** The tree's YAML as the library writes it, or null when the tree holds what only the library writes. */
    static String write(JsonNode root, PlainScalarQuoting quoting) {
        if (!root.isContainer()) {
            return null;
        }
        BlockYaml writer = new BlockYaml(quoting);
        if (!writer.node(root, NONE, false)) {
            return null;
        }
        writer.indent(NONE);  // the end of the document
        return writer.out.toString();
    }

    /** One node in the emitter's context; false when it gives up. */
    private boolean node(JsonNode node, int indent, boolean mappingContext) {
        if (node instanceof ObjectNode object) {
            return object.isEmpty() ? emptyCollection("{", "}") : mapping(object, indent);
        }
        if (node instanceof ArrayNode array) {
            return array.isEmpty() ? emptyCollection("[", "]") : sequence(array, indent, mappingContext);
        }
        String scalar = scalarText(node);
        if (scalar == null) {
            return false;
        }
        // the emitter indents a scalar's continuation lines one step further than its context
        int scalarIndent = indent == NONE ? BEST_INDENT : indent + BEST_INDENT;
        if (!node.isString()) {
            // numbers, booleans and null: plain, and plain is always allowed for their text
            return plain(scalar);
        }
        if (scalar.isEmpty()) {
            return doubleQuoted(scalar);
        }
        if (scalar.indexOf('\n') >= 0) {
            return literal(scalar, scalarIndent);
        }
        if (quoting.needToQuoteValue(scalar) || plainNumber(scalar)) {
            return doubleQuoted(scalar);
        }
        return plainAllowed(scalar) && plain(scalar);
    }

    /** The text of a scalar node as the generator writes it, or null when the fast path does not cover it. */
    private static String scalarText(JsonNode node) {
        if (node.isString()) {
            String text = node.asString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 || c > 0x7E) && c != '\n') {
                    return null;
                }
            }
            return text;
        }
        if (node.isInt() || node.isLong() || node.isShort()) {
            return String.valueOf(node.longValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "true" : "false";
        }
        if (node.isNull()) {
            return "null";
        }
        return null;
    }

    private boolean emptyCollection(String open, String close) {
        indicator(open, true, true, false);
        indicator(close, false, false, false);
        return true;
    }

    private boolean mapping(ObjectNode object, int indent) {
        int own = indent == NONE ? 0 : indent + BEST_INDENT;
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            indent(own);
            if (!key(property.getKey())) {
                return false;
            }
            indicator(":", false, false, false);
            if (!node(property.getValue(), own, true)) {
                return false;
            }
        }
        return true;
    }

    /** A key, always simple: the generator asks for plain or double quotes, the emitter may not agree. */
    private boolean key(String key) {
        if (key.isEmpty() || key.length() >= MAX_SIMPLE_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        if (quoting.needToQuoteName(key)) {
            return doubleQuoted(key);
        }
        return plainAllowed(key) && plain(key);
    }

    private boolean sequence(ArrayNode array, int indent, boolean mappingContext) {
        // in a mapping's value a sequence is not indented further than its key
        boolean indentless = mappingContext && !indention;
        int own = indent == NONE ? 0 : indentless ? indent : indent + BEST_INDENT;
        for (JsonNode item : array) {
            indent(own);
            indicator("-", true, false, true);
            if (!node(item, own, false)) {
                return false;
            }
        }
        return true;
    }

    // ---- the emitter's writers, for the styles and characters covered

    private boolean plain(String text) {
        if (!whitespace) {
            column++;
            out.append(' ');
        }
        whitespace = false;
        indention = false;
        column += text.length();
        out.append(text);
        return true;
    }

    /** Printable ASCII only (checked before): a quote and a backslash are the only characters escaped. */
    private boolean doubleQuoted(String text) {
        indicator("\"", true, false, false);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
                column++;
            }
            out.append(c);
            column++;
        }
        indicator("\"", false, false, false);
        return true;
    }

    /** A literal block, unless the emitter would not allow one (a space before a line break or at the end). */
    private boolean literal(String text, int indent) {
        if (text.charAt(text.length() - 1) == ' ' || text.contains(" \n")) {
            return false;
        }
        StringBuilder hints = new StringBuilder("|");
        if (text.charAt(0) == '\n' || text.charAt(0) == ' ') {
            hints.append(BEST_INDENT);
        }
        char last = text.charAt(text.length() - 1);
        if (last != '\n') {
            hints.append('-');
        } else if (text.length() == 1 || text.charAt(text.length() - 2) == '\n') {
            hints.append('+');
        }
        indicator(hints.toString(), true, false, false);
        lineBreak();
        boolean breaks = true;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            char c = end < text.length() ? text.charAt(end) : 0;
            if (breaks) {
                if (c != '\n') {
                    for (int i = start; i < end; i++) {
                        lineBreak();
                    }
                    if (c != 0) {
                        indent(indent);
                    }
                    start = end;
                }
            } else if (c == 0 || c == '\n') {
                out.append(text, start, end);
                if (c == 0) {
                    lineBreak();
                }
                start = end;
            }
            if (c != 0) {
                breaks = c == '\n';
            }
        }
        return true;
    }

    private void indicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentation) {
        if (!whitespace && needWhitespace) {
            column++;
            out.append(' ');
        }
        whitespace = whitespaceAfter;
        indention = indention && indentation;
        column += indicator.length();
        out.append(indicator);
    }

    private void indent(int indent) {
        int toWrite = indent == NONE ? 0 : indent;
        if (!indention || column > toWrite || column == toWrite && !whitespace) {
            lineBreak();
        }
        int spaces = toWrite - column;
        if (spaces > 0) {
            whitespace = true;
            for (int i = 0; i < spaces; i++) {
                out.append(' ');
            }
            column += spaces;
        }
    }

    private void lineBreak() {
        whitespace = true;
        indention = true;
        column = 0;
        out.append('\n');
    }

    // ---- the emitter's analysis, for one line of printable ASCII

    /** Whether the emitter writes this single-line text plain in a block context (else it would single-quote it). */
    static boolean plainAllowed(String text) {
        int length = text.length();
        if (text.startsWith("---") || text.startsWith("...") || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        boolean precededByWhitespace = true;
        boolean followedByWhitespace = length == 1 || text.charAt(1) == ' ';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    return false;
                }
                if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                    return false;
                }
            } else if (c == ':' && followedByWhitespace || c == '#' && precededByWhitespace) {
                return false;
            }
            precededByWhitespace = c == ' ';
            // as the emitter computes it: whether the character after the next one is a space, or there is none
            followedByWhitespace = i + 2 >= length || text.charAt(i + 2) == ' ';
        }
        return true;
    }

    /** Jackson's {@code -?[0-9]*(\.[0-9]*)?}: a string it quotes so that it is not read back as a number. */
    static boolean plainNumber(String text) {
        int i = 0;
        int length = text.length();
        if (i < length && text.charAt(i) == '-') {
            i++;
        }
        while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i < length && text.charAt(i) == '.') {
            i++;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
        }
        return i == length;
    }
}
