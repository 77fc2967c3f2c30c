package dev.mlgitops.render;

import java.io.IOException;
import java.io.Writer;

import freemarker.core.CommonMarkupOutputFormat;

/**
 * The Freemarker output format of every blueprint. Auto-escaping writes each interpolated value
 * as a JSON double-quoted string, which is also a valid YAML double-quoted scalar: whatever a user
 * wrote (newlines, {@code : }, {@code #}, {@code ---}, tags, anchors) stays one string value and
 * can never open a key, a comment or a document.
 */
final class YamlOutputFormat extends CommonMarkupOutputFormat<TemplateYamlOutputModel> {

    static final YamlOutputFormat INSTANCE = new YamlOutputFormat();

    private YamlOutputFormat() {
    }

    @Override
    public String getName() {
        return "YAML";
    }

    @Override
    public String getMimeType() {
        return "application/yaml";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escapePlainText(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return quote(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected TemplateYamlOutputModel newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new TemplateYamlOutputModel(plainTextContent, markupContent);
    }

    /** The value as a double-quoted scalar; anything YAML would not print as itself is a \\u escape. */
    static String quote(String value) {
        if (plainAscii(value)) {
            // most values (names, images, numbers) need no escape: skip the character-by-character copy
            return '"' + value + '"';
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (printable(value, i)) {
                        quoted.append(c);
                        if (Character.isHighSurrogate(c)) {
                            quoted.append(value.charAt(++i));
                        }
                    } else {
                        quoted.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /** Whether every character is printable ASCII that a double-quoted scalar carries as itself. */
    private static boolean plainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * YAML's printable set (spec 1.2, production c-printable) without the line breaks that YAML 1.1
     * readers fold (NEL, LS, PS) and without the byte order mark; surrogates only as valid pairs.
     */
    private static boolean printable(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFFFD && c != 0x2028 && c != 0x2029 && c != 0xFEFF);
    }
}
