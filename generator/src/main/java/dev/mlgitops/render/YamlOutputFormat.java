package dev.mlgitops.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
        // straight into the template's output: no quoted copy of every value (dashboards' JSON is megabytes)
        quote(textToEsc, out);
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
        StringWriter quoted = new StringWriter(value.length() + 2);
        try {
            quote(value, quoted);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return quoted.toString();
    }

    /** {@link #quote(String)} written to {@code out}: runs of characters that need no escape are written as they are. */
    private static void quote(String value, Writer out) throws IOException {
        out.write('"');
        int written = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') {
                continue;
            }
            out.write(value, written, i - written);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (printable(value, i)) {
                        out.write(c);
                        if (Character.isHighSurrogate(c)) {
                            out.write(value.charAt(++i));
                        }
                    } else {
                        out.write(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    }
                }
            }
            written = i + 1;
        }
        out.write(value, written, value.length() - written);
        out.write('"');
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
