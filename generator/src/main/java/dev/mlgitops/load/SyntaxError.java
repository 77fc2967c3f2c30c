package dev.mlgitops.load;

import java.util.Locale;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Position;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlVersionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Turns the parser's exception into a finding a user can act on: the place of the problem (not
 * of the token before it), the problem in plain words, and no Java class names or stack trace.
 */
final class SyntaxError {

    private SyntaxError() {
    }

    /** @param text the parsed text, to place problems the scanner reports by character offset */
    static Finding of(JacksonException e, String text, String sourceFile) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYamlEngineException yaml) {
            Optional<IndentationHint.Hint> indentation = indentation(yaml, text);
            if (indentation.isPresent()) {
                IndentationHint.Hint hint = indentation.get();
                return syntax(new Position(sourceFile, hint.line(), hint.column()), hint.problem());
            }
            Position position = yaml.getProblemMark().map(mark -> at(mark, sourceFile))
                    .orElseGet(() -> at(e.getLocation(), sourceFile));
            return syntax(position, describe(yaml));
        }
        if (cause instanceof ReaderException reader) {
            return syntax(at(text, reader.getPosition(), sourceFile), String.format(Locale.ROOT,
                    "the control character U+%04X is not allowed in YAML", reader.getCodePoint()));
        }
        if (cause instanceof YamlVersionException) {
            return syntax(at(e.getLocation(), sourceFile), "the %YAML directive names a version this parser does not read");
        }
        if (e instanceof StreamConstraintsException) {
            return syntax(at(e.getLocation(), sourceFile), "a number, key or text is longer than mlgitops reads");
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Expected a property name")) {
            return syntax(at(e.getLocation(), sourceFile), "a mapping key must be a plain value, not a list or a mapping");
        }
        return syntax(at(e.getLocation(), sourceFile), "the file cannot be read as YAML");
    }

    private static Finding syntax(Position position, String problem) {
        return Finding.of(Code.YAML_SYNTAX, "", position, Code.YAML_SYNTAX.message(problem));
    }

    /** An indentation mistake said as such, where the parser's words would only name a token. */
    private static Optional<IndentationHint.Hint> indentation(MarkedYamlEngineException yaml, String text) {
        Optional<Mark> mark = yaml.getProblemMark();
        String problem = plain(yaml.getProblem());
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        int line = mark.get().getLine() + 1;
        if (problem.equals("mapping values are not allowed here")) {
            return IndentationHint.deeperThanTheLineAbove(text, line);
        }
        if (problem.startsWith("expected <block end>")) {
            return IndentationHint.betweenLevels(text, line);
        }
        return Optional.empty();
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

    /** The line and column of a character offset (in code points, as the scanner counts). */
    private static Position at(String text, int offset, String sourceFile) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int seen = 0; seen < offset && index < text.length(); seen++) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(sourceFile, line, column);
    }
}
