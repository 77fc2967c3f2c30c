package dev.mlgitops.schema;

import java.util.List;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SourceMap;
import tools.jackson.databind.JsonNode;

/**
 * Checks a spec against schemas/mlproject-v1alpha1.schema.json (JSON Schema 2020-12) and reports
 * every violation with our codes, at its place in the file. Immutable and thread-safe.
 */
public final class SchemaChecker {

    private final ShippedSchema schema;
    private final ViolationTranslator translator;

    private SchemaChecker(ShippedSchema schema) {
        this.schema = schema;
        this.translator = new ViolationTranslator(schema.json());
    }

    /** The checker with the shipped schema, loaded once per JVM (it is immutable). */
    public static SchemaChecker shared() {
        return Shared.INSTANCE;
    }

    /** Checks the whole file; findings carry the file positions. */
    public void check(LoadedSpec spec, Findings findings) {
        SourceMap sourceMap = spec.sourceMap();
        for (SchemaViolation violation : translator.translate(schema.document().validate(spec.root()))) {
            findings.add(violation.code(), SourceMap.dotted(violation.pointer()), sourceMap.at(violation.pointer()),
                    violation.message());
        }
    }

    /** Checks one {@code spec} section (an environment's merged spec) against {@code #/$defs/spec}. */
    public List<SchemaViolation> checkSpec(JsonNode spec) {
        return translator.translate(schema.spec().validate(spec));
    }

    /** Loaded on first use, by the JVM's class initialization, which is thread-safe. */
    private static final class Shared {
        static final SchemaChecker INSTANCE = new SchemaChecker(ShippedSchema.load());
    }
}
