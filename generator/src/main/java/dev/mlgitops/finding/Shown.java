package dev.mlgitops.finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How a value of a spec is shown in a message, the one place for it: characters that could
 * forge or hide text (control characters, line and paragraph separators, bidirectional controls)
 * are escaped as a backslash, 'u' and four hex digits, and a value longer than {@value #LIMIT}
 * characters is cut to its first {@value #PREFIX} with an ellipsis and its length, so a finding
 * stays one short line whatever a hostile spec holds. {@link Code#message} shows every string
 * argument this way, and {@link Finding#format} escapes the whole line.
 */
public final class Shown {

    /** Values up to this many characters are shown whole. */
    public static final int LIMIT = 300;

    /** How many characters of a longer value are shown. */
    public static final int PREFIX = 64;

    /** How many items of a list are shown. */
    public static final int ITEMS = 30;

    private Shown() {
    }

    /**
     * Text a message shows as it is (still escaped by {@link Finding#format}): a list or a sentence
     * whose values were shown already. {@link Code#message} cuts strings, never a {@code Text}.
     */
    public record Text(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Items joined with {@code separator}, each shown as a {@linkplain #value value}; after
     * {@value #ITEMS} items the rest is counted, not listed.
     */
    public static Text list(Collection<String> items, String separator) {
        List<String> shown = new ArrayList<>();
        for (String item : items) {
            if (shown.size() == ITEMS) {
                shown.add("... (" + (items.size() - ITEMS) + " more)");
                break;
            }
            shown.add(value(item));
        }
        return new Text(String.join(separator, shown));
    }

    /** Items joined with a comma. */
    public static Text list(Collection<String> items) {
        return list(items, ", ");
    }

    /** {@code text} escaped and, when longer than {@link #LIMIT} characters, cut. */
    public static String value(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= LIMIT) {
            return escaped(text);
        }
        String prefix = text.substring(0, text.offsetByCodePoints(0, PREFIX));
        return escaped(prefix) + "... (" + length + " characters)";
    }

    /** {@code text} with every character that could forge or hide text escaped. */
    public static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (hides(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out == null ? text : out.toString();
    }

    /** Whether a character is a control character or a line break outside ASCII. */
    public static boolean isControl(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    /**
     * Whether a character reorders the text around it (U+200E, U+200F, U+202A to U+202E,
     * U+2066 to U+2069): what reads as one name can be another (CVE-2021-42574, "Trojan Source").
     */
    public static boolean isBidiControl(int c) {
        return c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static boolean hides(int c) {
        return isControl(c) || isBidiControl(c);
    }
}
