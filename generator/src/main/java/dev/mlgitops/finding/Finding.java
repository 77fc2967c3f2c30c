package dev.mlgitops.finding;

import java.util.Optional;

/**
 * One thing wrong with a spec, as data: a stable code, a severity, the JSON path it concerns,
 * where it is in the file when known, and a message that says what to do.
 *
 * @param jsonPath dotted path such as {@code spec.serving.scorer.engine}; empty for the whole file
 */
public record Finding(Code code, Severity severity, String jsonPath, Optional<Position> position, String message) {

    public static Finding of(Code code, String jsonPath, Position position, String message) {
        return new Finding(code, code.severity(), jsonPath, Optional.ofNullable(position), message);
    }

    /**
     * The one line format used everywhere:
     * {@code mlproject.yaml:42:7: error [MLG-SCHEMA-ENUM] spec.serving.scorer.engine: message}.
     */
    public String format(String fallbackFile) {
        String where = position.map(Position::toString).orElse(fallbackFile);
        String path = jsonPath.isEmpty() ? "" : Shown.value(jsonPath) + ": ";
        return Shown.escaped(where + ": " + severity.label() + " [" + code.id() + "] " + path + message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
