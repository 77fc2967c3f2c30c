package dev.mlgitops.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Reads the YAML that blueprints render into the trees Jackson's YAML module reads from it, or
 * declines. Typing parses every rendered text, and SnakeYAML's scanner, which makes a string of
 * every word of a quoted scalar, was most of that. This reads the common subset directly: block
 * mappings and sequences, plain scalars it can type without doubt (words, paths, quantities,
 * addresses, digests, decimal integers and fractions, true, false, null), quoted scalars on one line with the usual
 * escapes, flow mappings and sequences on one line, literal block scalars, comments and
 * {@code ---} between documents. Anything else (folded scalars, anchors, tags, a plain word YAML
 * 1.1 would read as a boolean, a key written twice, a tab, a character outside printable ASCII,
 * text that is no YAML) makes it decline the whole text, which the caller then reads with the
 * library, so what is reported and where stays the library's. {@code BlockYamlReaderTest} compares both on every text the engines
 * render and on the constructs at its edges.
 */
public final class BlockYamlReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // plain words YAML 1.1 or the core schema read as booleans or null, in any case: of these only
    // true, false and null as written are read here, the rest (True, NULL, yes, ...) left to the library
    private static final Set<String> DOUBTFUL = Set.of("yes", "no", "on", "off", "y", "n", "true", "false", "null");

    // the library's limits, met well before: an implicit key's length (SnakeYAML's 1,024), a number's
    // length (Jackson's 1,000), nesting (Jackson's 500), a document's code points (SnakeYAML's 3 MiB)
    private static final int MAX_KEY = 1000;
    private static final int MAX_NUMBER = 100;
    private static final int MAX_DEPTH = 100;
    private static final int MAX_DOCUMENT = 3_000_000;

    private final String text;
    private final List<int[]> lines = new ArrayList<>(); // each line's start and end offsets in text
    private int line; // the line being read
    private int depth; // of the collection being read

    private BlockYamlReader(String text) {
        this.text = text;
    }

    /** The documents of the text that hold a value, as Jackson reads them; empty when it declines. */
    public static Optional<List<JsonNode>> read(String text) {
        try {
            return Optional.of(new BlockYamlReader(text).documents());
        } catch (Decline e) {
            return Optional.empty();
        }
    }

    /** Thrown where the text leaves the subset; cheap, as it carries no stack. */
    private static final class Decline extends RuntimeException {
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private static Decline decline() {
        return Decline.INSTANCE;
    }

    private List<JsonNode> documents() {
        splitLines();
        List<JsonNode> documents = new ArrayList<>();
        line = 0;
        while (true) {
            skipBlank();
            if (line >= lines.size()) {
                return documents;
            }
            if (isMarker(line)) {
                line++;
                continue;
            }
            int indent = indentation(line);
            if (indent != 0 || startsSequenceItem(line, 0)) {
                throw decline(); // a document is a mapping at the margin; anything else goes to the library
            }
            int start = lines.get(line)[0];
            documents.add(mapping(0));
            if (lines.get(line - 1)[1] - start > MAX_DOCUMENT) {
                throw decline();
            }
            skipBlank();
            if (line < lines.size() && !isMarker(line)) {
                throw decline();
            }
        }
    }

    /** Splits the text into lines; declines characters outside printable ASCII and line feeds. */
    private void splitLines() {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            } else if (c < ' ' || c > '~') {
                throw decline();
            }
        }
        if (start < text.length()) {
            lines.add(new int[] {start, text.length()});
        }
    }

    private boolean isMarker(int index) {
        int[] span = lines.get(index);
        if (text.startsWith("---", span[0]) || text.startsWith("...", span[0]) || text.startsWith("%", span[0])) {
            if (span[1] - span[0] == 3 && text.charAt(span[0]) == '-') {
                return true;
            }
            throw decline(); // a marker with content, a document end, a directive
        }
        return false;
    }

    /** Skips lines that are empty, blank or a comment. */
    private void skipBlank() {
        while (line < lines.size()) {
            int[] span = lines.get(line);
            int first = firstContent(span[0], span[1]);
            if (first < span[1] && text.charAt(first) != '#') {
                return;
            }
            line++;
        }
    }

    private int firstContent(int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private int indentation(int index) {
        int[] span = lines.get(index);
        return firstContent(span[0], span[1]) - span[0];
    }

    private boolean startsSequenceItem(int index, int column) {
        int[] span = lines.get(index);
        int at = span[0] + column;
        return at < span[1] && text.charAt(at) == '-' && (at + 1 == span[1] || text.charAt(at + 1) == ' ');
    }

    /**
     * A block mapping whose keys stand at {@code column}, from the current line; its first key may
     * follow a sequence's "- " on that line.
     */
    private ObjectNode mapping(int column) {
        enter();
        ObjectNode mapping = NODES.objectNode();
        while (true) {
            int[] span = lines.get(line);
            int at = span[0] + column;
            int end = span[1];
            Scanned scannedKey = key(at, end);
            String key = scannedKey.node().stringValue();
            int afterKey = scannedKey.end();
            if (afterKey >= end || text.charAt(afterKey) != ':' || (afterKey + 1 < end && text.charAt(afterKey + 1) != ' ')) {
                throw decline();
            }
            int valueStart = firstContent(afterKey + 1, end);
            JsonNode value;
            if (valueStart >= end || text.charAt(valueStart) == '#') {
                line++;
                value = nested(column);
            } else if (text.charAt(valueStart) == '|') {
                value = literal(valueStart, end, column);
            } else {
                value = inline(valueStart, end);
                line++;
            }
            if (mapping.has(key)) {
                throw decline(); // a key written twice: the library reports it
            }
            mapping.set(key, value);
            if (blockEnds(column)) {
                depth--;
                return mapping;
            }
            if (indentation(line) > column || startsSequenceItem(line, column)) {
                throw decline();
            }
        }
    }

    /**
     * Whether the block whose items stand at {@code column} ends before the next line with content:
     * at the text's end, a document marker or a line less indented.
     */
    private boolean blockEnds(int column) {
        skipBlank();
        return line >= lines.size() || isMarkerLine(line) || indentation(line) < column;
    }

    private boolean isMarkerLine(int index) {
        int[] span = lines.get(index);
        return span[1] - span[0] >= 3 && (text.startsWith("---", span[0]) || text.startsWith("...", span[0]));
    }

    /** The value of a key written with nothing after its colon: a deeper block, a sequence at its column, or null. */
    private JsonNode nested(int column) {
        if (blockEnds(column)) {
            return NullNode.getInstance();
        }
        int indent = indentation(line);
        if (indent > column) {
            return startsSequenceItem(line, indent) ? sequence(indent) : mapping(indent);
        }
        if (indent == column && startsSequenceItem(line, column)) {
            return sequence(column);
        }
        return NullNode.getInstance();
    }

    /** A block sequence whose dashes stand at {@code column}, from the current line. */
    private ArrayNode sequence(int column) {
        enter();
        ArrayNode sequence = NODES.arrayNode();
        while (true) {
            int[] span = lines.get(line);
            int dash = span[0] + column;
            int content = firstContent(dash + 1, span[1]);
            if (content >= span[1] || text.charAt(content) == '#') {
                line++;
                if (!blockEnds(column + 1)) {
                    int indent = indentation(line);
                    sequence.add(startsSequenceItem(line, indent) ? sequence(indent) : mapping(indent));
                } else {
                    sequence.add(NullNode.getInstance());
                }
            } else if (text.charAt(content) == '|') {
                sequence.add(literal(content, span[1], column));
            } else if (startsMappingEntry(content, span[1])) {
                sequence.add(mapping(content - span[0]));
            } else {
                char first = text.charAt(content);
                if (first == '-' && (content + 1 == span[1] || text.charAt(content + 1) == ' ')) {
                    throw decline(); // "- - a": nested compact sequences
                }
                sequence.add(inline(content, span[1]));
                line++;
            }
            // at its column, a line that is no item is the next key of the mapping this sequence is the value of
            if (blockEnds(column) || indentation(line) == column && !startsSequenceItem(line, column)) {
                depth--;
                return sequence;
            }
            if (indentation(line) > column) {
                throw decline();
            }
        }
    }

    /**
     * A literal block scalar ({@code |}, {@code |-} or {@code |+}) whose header is at {@code at} on
     * the current line, its lines indented deeper than {@code parent}; leaves the current line at
     * the first line after it.
     */
    private JsonNode literal(int at, int end, int parent) {
        int header = at + 1;
        char chomping = header < end ? text.charAt(header) : ' ';
        if (chomping == '-' || chomping == '+') {
            header++;
        } else {
            chomping = ' ';
        }
        if (firstContent(header, end) != end) {
            throw decline(); // an indentation indicator, a comment: the library's
        }
        line++;
        if (line >= lines.size() || indentation(line) <= parent || isBlankLine(line)) {
            throw decline(); // empty, or starting with empty lines
        }
        int indent = indentation(line);
        StringBuilder value = new StringBuilder();
        int trailingEmpty = 0;
        while (line < lines.size()) {
            int[] span = lines.get(line);
            if (isBlankLine(line)) {
                if (span[1] - span[0] > indent) {
                    throw decline(); // spaces beyond the indentation on an empty line
                }
                trailingEmpty++;
                line++;
                continue;
            }
            if (indentation(line) < indent) {
                break;
            }
            if (value.length() > 0 || trailingEmpty > 0) {
                value.append('\n');
            }
            value.append("\n".repeat(trailingEmpty));
            trailingEmpty = 0;
            value.append(text, span[0] + indent, span[1]);
            line++;
        }
        if (line < lines.size() && indentation(line) > parent && !isMarkerLine(line)) {
            throw decline(); // a line between the block's indentation and its parent's
        }
        if (line >= lines.size() && !text.endsWith("\n")) {
            throw decline(); // the text's last line ends without a line break, which chomping counts
        }
        switch (chomping) {
            case '-' -> { }
            case '+' -> value.append("\n".repeat(trailingEmpty + 1));
            default -> value.append('\n');
        }
        return StringNode.valueOf(value.toString());
    }

    private boolean isBlankLine(int index) {
        int[] span = lines.get(index);
        return firstContent(span[0], span[1]) == span[1];
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw decline();
        }
    }

    /** Whether a mapping entry starts here: a key and a colon followed by a space or the line's end. */
    private boolean startsMappingEntry(int at, int end) {
        int i = at;
        if (text.charAt(i) == '"') {
            int close = text.indexOf('"', i + 1);
            if (close < 0 || close >= end) {
                return false;
            }
            i = close + 1;
            return i < end && text.charAt(i) == ':' && (i + 1 == end || text.charAt(i + 1) == ' ');
        }
        while (i < end && isKeyChar(text.charAt(i))) {
            i++;
        }
        return i > at && i < end && text.charAt(i) == ':' && (i + 1 == end || text.charAt(i + 1) == ' ');
    }

    /** A key: double-quoted, or plain of the characters keys are made of. */
    private Scanned key(int at, int end) {
        Scanned key;
        if (at < end && text.charAt(at) == '"') {
            key = doubleQuoted(at, end);
        } else {
            int keyEnd = at;
            while (keyEnd < end && isKeyChar(text.charAt(keyEnd))) {
                keyEnd++;
            }
            if (keyEnd == at) {
                throw decline();
            }
            key = new Scanned(StringNode.valueOf(text.substring(at, keyEnd)), keyEnd);
        }
        if (key.end() - at > MAX_KEY) {
            throw decline();
        }
        return key;
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.'
                || c == '/';
    }

    /** A value written after a key's colon or a sequence's dash, to the end of its line. */
    private JsonNode inline(int at, int end) {
        char first = text.charAt(at);
        Scanned scanned;
        if (first == '"') {
            scanned = doubleQuoted(at, end);
        } else if (first == '\'') {
            scanned = singleQuoted(at, end);
        } else if (first == '{' || first == '[') {
            scanned = flow(at, end);
        } else {
            return plainToEnd(at, end);
        }
        int rest = firstContent(scanned.end(), end);
        if (rest < end && (text.charAt(rest) != '#' || rest == scanned.end())) {
            throw decline();
        }
        return scanned.node();
    }

    /** What was read and where reading stopped. */
    private record Scanned(JsonNode node, int end) {
    }

    private Scanned doubleQuoted(int at, int end) {
        StringBuilder value = null;
        int runStart = at + 1;
        int i = at + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                String content = value == null ? text.substring(runStart, i) : value.append(text, runStart, i).toString();
                return new Scanned(StringNode.valueOf(content), i + 1);
            }
            if (c == '\\') {
                if (value == null) {
                    value = new StringBuilder();
                }
                value.append(text, runStart, i);
                if (i + 1 >= end) {
                    throw decline(); // a line continued by a backslash
                }
                char escaped = text.charAt(i + 1);
                i += 2;
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (i + 4 > end) {
                            throw decline();
                        }
                        int code = hex(i, i + 4);
                        if (Character.isSurrogate((char) code)) {
                            throw decline();
                        }
                        value.append((char) code);
                        i += 4;
                    }
                    default -> throw decline();
                }
                runStart = i;
                continue;
            }
            i++;
        }
        throw decline(); // a quoted scalar that goes on over the next line
    }

    private int hex(int from, int to) {
        int code = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw decline();
            }
            code = code * 16 + digit;
        }
        return code;
    }

    private Scanned singleQuoted(int at, int end) {
        StringBuilder value = new StringBuilder();
        int i = at + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < end && text.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                return new Scanned(StringNode.valueOf(value.toString()), i + 1);
            }
            value.append(c);
            i++;
        }
        throw decline();
    }

    /** A flow mapping or sequence that ends on this line. */
    private Scanned flow(int at, int end) {
        enter();
        boolean mapping = text.charAt(at) == '{';
        char close = mapping ? '}' : ']';
        JsonNode node = mapping ? NODES.objectNode() : NODES.arrayNode();
        int i = firstContent(at + 1, end);
        if (i < end && text.charAt(i) == close) {
            depth--;
            return new Scanned(node, i + 1);
        }
        while (true) {
            if (mapping) {
                Scanned scannedKey = key(i, end);
                String key = scannedKey.node().stringValue();
                int keyEnd = scannedKey.end();
                if (keyEnd + 1 >= end || text.charAt(keyEnd) != ':' || text.charAt(keyEnd + 1) != ' ') {
                    throw decline();
                }
                Scanned value = flowValue(firstContent(keyEnd + 1, end), end);
                if (((ObjectNode) node).has(key)) {
                    throw decline();
                }
                ((ObjectNode) node).set(key, value.node());
                i = value.end();
            } else {
                Scanned value = flowValue(i, end);
                ((ArrayNode) node).add(value.node());
                i = value.end();
            }
            i = firstContent(i, end);
            if (i >= end) {
                throw decline();
            }
            char c = text.charAt(i);
            if (c == close) {
                depth--;
                return new Scanned(node, i + 1);
            }
            if (c != ',') {
                throw decline();
            }
            i = firstContent(i + 1, end);
            if (i < end && text.charAt(i) == close) {
                throw decline(); // a trailing comma: leave it to the library
            }
        }
    }

    private Scanned flowValue(int at, int end) {
        if (at >= end) {
            throw decline();
        }
        char first = text.charAt(at);
        if (first == '"') {
            return doubleQuoted(at, end);
        }
        if (first == '\'') {
            return singleQuoted(at, end);
        }
        if (first == '{' || first == '[') {
            return flow(at, end);
        }
        int i = at;
        while (i < end && ",[]{}#:".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        if (i < end && (text.charAt(i) == ':' || text.charAt(i) == '#' || text.charAt(i) == '[' || text.charAt(i) == '{')) {
            throw decline();
        }
        int valueEnd = i;
        while (valueEnd > at && text.charAt(valueEnd - 1) == ' ') {
            valueEnd--;
        }
        return new Scanned(plain(at, valueEnd), i);
    }

    /** A plain scalar to the line's end or a comment. */
    private JsonNode plainToEnd(int at, int end) {
        int i = at;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '#' && text.charAt(i - 1) == ' ') {
                break;
            }
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                throw decline(); // a mapping where a scalar should be
            }
            i++;
        }
        int valueEnd = i;
        while (valueEnd > at && text.charAt(valueEnd - 1) == ' ') {
            valueEnd--;
        }
        return plain(at, valueEnd);
    }

    /** The type YAML's resolution gives a plain scalar, where it is beyond doubt; else declines. */
    private JsonNode plain(int at, int end) {
        if (at >= end) {
            throw decline();
        }
        char first = text.charAt(at);
        if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z' || first == '_' || first == '/' || first == '$') {
            String value = text.substring(at, end);
            if (end - at <= 5 && DOUBTFUL.contains(value.toLowerCase(Locale.ROOT))) {
                return switch (value) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    case "null" -> NullNode.getInstance();
                    default -> throw decline();
                };
            }
            return StringNode.valueOf(value);
        }
        if (first == ':' && at + 1 < end && text.charAt(at + 1) == ':' && isAddress(at, end)) {
            return StringNode.valueOf(text.substring(at, end)); // an IPv6 address or range such as ::/0
        }
        if (first == '.' && at + 1 < end && (text.charAt(at + 1) == '.' || text.charAt(at + 1) == '/')) {
            return StringNode.valueOf(text.substring(at, end)); // a relative path: not .5, .inf or .nan
        }
        if (first == '-' && at + 1 < end && !Character.isDigit(text.charAt(at + 1)) && text.charAt(at + 1) != '.'
                && text.charAt(at + 1) != ' ') {
            return StringNode.valueOf(text.substring(at, end)); // --flag=value: no schema reads it as a number
        }
        if (first == '-' || first >= '0' && first <= '9') {
            return number(at, end);
        }
        throw decline();
    }

    private boolean isAddress(int at, int end) {
        for (int i = at; i < end; i++) {
            if (Character.digit(text.charAt(i), 16) < 0 && ":./".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A decimal integer or fraction, or a quantity such as 500m or 1Gi (a string); else declines. */
    private JsonNode number(int at, int end) {
        if (end - at > MAX_NUMBER) {
            throw decline();
        }
        int i = at;
        if (text.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < end && Character.isDigit(text.charAt(i))) {
            i++;
        }
        int integerDigits = i - digits;
        if (integerDigits == 0 || integerDigits > 1 && text.charAt(digits) == '0') {
            throw decline();
        }
        if (i == end) {
            if (integerDigits > 18) {
                throw decline();
            }
            long value = Long.parseLong(text, at, end, 10);
            return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
        }
        if (text.charAt(i) == '.') {
            int fractionStart = ++i;
            while (i < end && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i == fractionStart) {
                throw decline();
            }
        }
        if (i == end) {
            return DoubleNode.valueOf(Double.parseDouble(text.substring(at, end)));
        }
        char unit = text.charAt(i);
        if (unit == '.' || unit == '/') {
            // an address or a range (0.0.0.0, 10.0.0.0/8): digits, dots and slashes, no number
            for (int u = i; u < end; u++) {
                char c = text.charAt(u);
                if (!(c >= '0' && c <= '9' || c == '.' || c == '/')) {
                    throw decline();
                }
            }
            return StringNode.valueOf(text.substring(at, end));
        }
        if (unit == ' ') {
            return StringNode.valueOf(text.substring(at, end)); // words after a number (0 * * * *): no number has a space
        }
        // a number with a unit or a hex digest (500m, 1Gi, 1h, 3a6a87842e24), which no YAML schema reads
        // as a number; not after e, x, o or b, which may make one (1e3, 0x1F, 0o17, 0b1)
        if (text.charAt(at) == '-' || "eExXoObB".indexOf(unit) >= 0) {
            throw decline();
        }
        for (int u = i; u < end; u++) {
            char c = text.charAt(u);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                throw decline();
            }
        }
        return StringNode.valueOf(text.substring(at, end));
    }
}
