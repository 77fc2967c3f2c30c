package dev.mlgitops.load;

import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Position;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Turns the parser's exception into a finding a user can act on: the place of the problem (not
 * of the token before it), the problem in plain words, and no Java class names or stack trace.
 */
final class SyntaxError {

    private SyntaxError() {
    }

    static Finding of(JacksonException e, String sourceFile) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            Position position = yaml.getProblemMark().map(mark -> at(mark, sourceFile))
                    .orElseGet(() -> at(e.getLocation(), sourceFile));
            return Finding.of(Code.YAML_SYNTAX, "", position, Code.YAML_SYNTAX.message(describe(yaml)));
        }
        return Finding.of(Code.YAML_SYNTAX, "", at(e.getLocation(), sourceFile), Code.YAML_SYNTAX.message(describe(e)));
    }

    private static String describe(MarkedYamlEngineException yaml) {
        String problem = plain(yaml.getProblem());
        if (problem.contains("\\t(TAB)")) {
            return "a tab character where YAML allows only spaces (indent with spaces)";
        }
        Optional<Mark> contextMark = yaml.getContextMark();
        if (yaml.getContext() != null && contextMark.isPresent()) {
            Mark mark = contextMark.get();
            return problem + " (" + plain(yaml.getContext()) + " that starts at line " + (mark.getLine() + 1)
                    + ", column " + (mark.getColumn() + 1) + ")";
        }
        return problem;
    }

    /** Jackson's own checks: only mapping keys that are collections reach here in practice. */
    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Expected a property name")) {
            return "a mapping key must be a plain value, not a list or a mapping";
        }
        return "the file cannot be read as YAML";
    }

    private static String plain(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Position at(Mark mark, String sourceFile) {
        return new Position(sourceFile, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static Position at(TokenStreamLocation location, String sourceFile) {
        if (location == null || location.getLineNr() < 1) {
            return null;
        }
        return new Position(sourceFile, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }
}
