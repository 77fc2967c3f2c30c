package dev.mlgitops.yaml;

import java.util.regex.Pattern;

import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Jackson's minimal quoting, plus quotes for every string a YAML 1.1 or 1.2 reader would take
 * for something else: numbers in any notation (0x1F, 0o17, 1_000, 1:20, .NaN), dates and
 * timestamps, and the merge and value keys. kustomize (go-yaml) and kubectl read our files;
 * without these quotes a ConfigMap value "2024-10-07" comes out of kustomize as a timestamp
 * and fails, and "0x1F" comes out as the number 31.
 */
final class PlainScalarQuoting extends StringQuotingChecker.Default {

    private static final long serialVersionUID = 1L;

    private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
            "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+)",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
            "[-+]?([0-9][0-9_]*)?\\.[0-9_.]*([eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)?",
            "[-+]?\\.(inf|Inf|INF)",
            "\\.(nan|NaN|NAN)",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?",
            "<<",
            "="));

    /**
     * What YAML does not allow to start a plain scalar: an indicator character, or '-', '?' or ':'
     * followed by a space or by nothing. Jackson's check misses some ("'" alone was written bare,
     * and no reader could parse the file).
     */
    private static final Pattern BAD_START = Pattern.compile("([\\[\\]{}#&*!|>'\"%@`,]|[-?:]( |$)).*", Pattern.DOTALL);

    /** The characters a match of {@link #NOT_A_STRING} can start with. */
    private static final String MAY_NOT_BE_A_STRING = "-+0123456789.<=";

    /** The characters a match of {@link #BAD_START} can start with. */
    private static final String MAY_START_BADLY = "[]{}#&*!|>'\"%@`,-?:";

    @Override
    public boolean needToQuoteValue(String value) {
        if (super.needToQuoteValue(value) || hasOldLineBreak(value)) {
            return true;
        }
        // the patterns only for a value whose first character could start a match: most values are names
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        return MAY_NOT_BE_A_STRING.indexOf(first) >= 0 && NOT_A_STRING.matcher(value).matches()
                || MAY_START_BADLY.indexOf(first) >= 0 && BAD_START.matcher(value).matches();
    }

    /** Whether a line break of YAML 1.1 (NEL, line or paragraph separator) is in it: a plain scalar would fold it away. */
    private static boolean hasOldLineBreak(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
