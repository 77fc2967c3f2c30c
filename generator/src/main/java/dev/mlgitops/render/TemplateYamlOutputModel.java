package dev.mlgitops.render;

import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of YAML markup that is already safe to print (see {@link YamlOutputFormat}). */
final class TemplateYamlOutputModel extends CommonTemplateMarkupOutputModel<TemplateYamlOutputModel> {

    TemplateYamlOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public YamlOutputFormat getOutputFormat() {
        return YamlOutputFormat.INSTANCE;
    }
}
