package dev.mlgitops.render;

import java.util.Locale;

import freemarker.core.Environment;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.TemplateValueFormatException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;

/**
 * Numbers as YAML numbers. Auto-escaping would quote every interpolation, turning
 * {@code containerPort: ${port}} into a string; this format wraps another number format (its
 * parameter, {@code computer} in our configuration) and hands its text to Freemarker as YAML
 * markup, which is printed as is. A formatted number holds only digits, sign, dot and exponent,
 * so no escaping is lost.
 */
final class YamlNumberFormatFactory extends TemplateNumberFormatFactory {

    static final String NAME = "yaml";

    @Override
    public TemplateNumberFormat get(String params, Locale locale, Environment env) throws TemplateValueFormatException {
        return new YamlNumberFormat(env.getTemplateNumberFormat(params, locale));
    }

    private static final class YamlNumberFormat extends TemplateNumberFormat {

        private final TemplateNumberFormat text;

        YamlNumberFormat(TemplateNumberFormat text) {
            this.text = text;
        }

        @Override
        public String formatToPlainText(TemplateNumberModel number) throws TemplateValueFormatException, TemplateModelException {
            return text.formatToPlainText(number);
        }

        @Override
        public Object format(TemplateNumberModel number) throws TemplateValueFormatException, TemplateModelException {
            return YamlOutputFormat.INSTANCE.fromMarkup(formatToPlainText(number));
        }

        @Override
        public boolean isLocaleBound() {
            return text.isLocaleBound();
        }

        @Override
        public String getDescription() {
            return NAME + " " + text.getDescription();
        }
    }
}
