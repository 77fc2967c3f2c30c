package dev.mlgitops.finding;

import java.util.Locale;

/**
 * The catalog of finding codes: every message text and its remedy live here, so the wording is
 * in one place and tests can assert it. Each template is a {@link String#format} pattern.
 */
public enum Code {
    // load: reading the file
    YAML_EMPTY(Severity.ERROR, "the file is empty: start from the reference mlproject.yaml or run 'mvn mlgitops:init'"),
    YAML_TOO_LARGE(Severity.ERROR, "the file has %d bytes, more than the limit of %d: split data out of the spec"),
    YAML_ENCODING(Severity.ERROR, "the file is not valid UTF-8 (byte 0x%02X): save it as UTF-8"),
    YAML_SYNTAX(Severity.ERROR, "%s: fix the YAML syntax"),
    YAML_DUPLICATE_KEY(Severity.ERROR, "duplicate key '%s' (first at line %d): keep one of them"),
    YAML_ALIASES(Severity.ERROR, "more than %d aliases: expand them by hand, the spec does not need them"),
    YAML_DEPTH(Severity.ERROR, "nested deeper than %d levels: flatten the structure"),
    YAML_MULTIPLE_DOCUMENTS(Severity.ERROR, "the file holds more than one YAML document: keep one project per file"),
    YAML_NOT_A_MAPPING(Severity.ERROR, "the file must hold one mapping with apiVersion, kind, metadata and spec, found %s"),
    YAML_BOM(Severity.WARNING, "the file starts with a byte order mark: save it as UTF-8 without BOM"),
    YAML_NON_STRING_KEY(Severity.ERROR, "key %s is not a string: quote it"),

    // schema: the shape of the file
    SPEC_API_VERSION(Severity.ERROR, "apiVersion '%s' is not supported: use '%s'"),
    SPEC_KIND(Severity.ERROR, "kind '%s' is not supported: use '%s'"),
    SCHEMA_REQUIRED(Severity.ERROR, "required field '%s' is missing: add it"),
    SCHEMA_UNKNOWN_FIELD(Severity.ERROR, "unknown field '%s'%s"),
    SCHEMA_ENUM(Severity.ERROR, "'%s' is not one of %s%s"),
    SCHEMA_TYPE(Severity.ERROR, "%s: change the value's type"),
    SCHEMA_PATTERN(Severity.ERROR, "'%s' %s"),
    SCHEMA_RANGE(Severity.ERROR, "%s"),
    SCHEMA_INVALID(Severity.ERROR, "%s"),

    // resolve: environments and references
    ENV_INVALID(Severity.ERROR, "environment '%s': its overrides leave an invalid spec: %s"),
    REF_IMAGE(Severity.ERROR, "image key '%s' is not defined under spec.images; known keys: %s"),
    REF_SECRET(Severity.ERROR, "secret '%s' is not an entry of spec.secrets.entries; known entries: %s"),

    // render and type: the blueprints
    RENDER_UNSUPPORTED(Severity.WARNING, "%s is not rendered by this version of mlgitops yet; its objects are left out"),
    RENDER_FAILED(Severity.ERROR, "blueprint %s failed: %s"),
    RENDER_METRIC_UNSUPPORTED(Severity.ERROR, "autoscaling metric '%s' of model '%s' needs a metrics adapter that engine deployment cannot assume: use metric cpu or memory, or engine kserve"),
    TYPE_UNKNOWN_KIND(Severity.ERROR, "blueprint %s rendered %s, a kind mlgitops does not know: fix the blueprint"),
    TYPE_UNKNOWN_FIELD(Severity.ERROR, "blueprint %s rendered field '%s' that %s does not have: fix the blueprint"),
    TYPE_INVALID(Severity.ERROR, "blueprint %s rendered an invalid %s: %s"),
    TYPE_DUPLICATE_OBJECT(Severity.ERROR, "two objects are named %s in environment '%s' (blueprints %s and %s): rename one of the items");

    private final Severity severity;
    private final String template;

    Code(Severity severity, String template) {
        this.severity = severity;
        this.template = template;
    }

    /** The stable id printed in brackets, e.g. {@code MLG-YAML-DUPLICATE-KEY}. */
    public String id() {
        return "MLG-" + name().replace('_', '-');
    }

    public Severity severity() {
        return severity;
    }

    public String message(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
