package dev.mlgitops;

/**
 * One finding as a front end prints it, in the one format:
 * {@code mlproject.yaml:42:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine: ...}.
 *
 * @param error whether it is an error (else a warning)
 */
public record FindingLine(boolean error, String text) {

    @Override
    public String toString() {
        return text;
    }
}
