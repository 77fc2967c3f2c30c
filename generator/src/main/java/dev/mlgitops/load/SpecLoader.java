package dev.mlgitops.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Position;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.yaml.WholeCodePointReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * Reads an mlproject.yaml into a tree with the file position of every node. Bad input is a
 * finding, never an exception; only a file that cannot be read at all is an exception.
 * Nothing is executed or fetched: tags are kept as text, aliases only resolve within the file.
 */
public final class SpecLoader {

    /** YAML 1.2 core schema: {@code yes} and {@code on} stay strings, {@code ~} is null. Immutable. */
    private static final YAMLFactory YAML =
            new AnchorAwareYamlFactory(YAMLFactory.builder().yamlSchema(YAMLSchema.CORE).build());

    private SpecLoader() {
    }

    /**
     * Reads {@code file}; {@code sourceFile} is its name as findings show it.
     *
     * @return the tree, or empty when the file could not be read into a mapping at all
     * @throws MlGitopsException when the file cannot be read (missing, unreadable)
     */
    public static Optional<LoadedSpec> load(Path file, String sourceFile, Findings findings) {
        if (sourceFile.codePoints().anyMatch(c -> Shown.isControl(c) || Shown.isBidiControl(c))) {
            // the name goes into every generated file's header: a newline there would start a YAML document
            findings.add(Code.YAML_FILE_NAME, "", null, Code.YAML_FILE_NAME.message(sourceFile));
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_BYTES) {
                reportTooLarge(size, findings);
                return Optional.empty();
            }
            return load(Files.readAllBytes(file), sourceFile, findings);
        } catch (IOException e) {
            throw new MlGitopsException("reading " + sourceFile + ": " + reason(e), e);
        }
    }

    /** Reads {@code content}, the bytes of a file named {@code sourceFile}. */
    public static Optional<LoadedSpec> load(byte[] content, String sourceFile, Findings findings) {
        if (content.length > Limits.MAX_BYTES) {
            reportTooLarge(content.length, findings);
            return Optional.empty();
        }
        return Utf8Text.decode(content, sourceFile, findings)
                .filter(text -> plainText(text, sourceFile, findings))
                .flatMap(text -> parse(text, sourceFile, findings));
    }

    /**
     * Refuses what the parser would take silently but a reader cannot see: bidirectional control
     * characters, which make a key or a name read other than it is (anywhere in the file, comments
     * too), and {@code %TAG} directives, which redefine what tags mean.
     */
    private static boolean plainText(String text, String sourceFile, Findings findings) {
        boolean plain = true;
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Shown.isBidiControl(c)) {
                findings.add(Code.YAML_BIDI, "", new Position(sourceFile, line, column), Code.YAML_BIDI.message(c));
                plain = false;
            } else if (c == '%' && column == 1 && text.startsWith("%TAG", i)) {
                findings.add(Code.YAML_TAG_DIRECTIVE, "", new Position(sourceFile, line, column),
                        Code.YAML_TAG_DIRECTIVE.message());
                plain = false;
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return plain;
    }

    private static Optional<LoadedSpec> parse(String text, String sourceFile, Findings findings) {
        try (var parser = (AnchorAwareYamlFactory.Parser) YAML.createParser(ObjectReadContext.empty(), new WholeCodePointReader(text))) {
            PositionedTreeReader reader = new PositionedTreeReader(parser, sourceFile, findings);
            try {
                Optional<ObjectNode> root = reader.readDocument();
                return root.map(tree -> new LoadedSpec(sourceFile, tree, reader.sourceMap()));
            } catch (StreamConstraintsException e) {
                // nesting far beyond our own limit stops Jackson while skipping; the depth is already reported
                if (!reader.depthLimitReported()) {
                    findings.add(SyntaxError.of(e, text, sourceFile));
                }
                return Optional.empty();
            }
        } catch (JacksonException e) {
            findings.add(SyntaxError.of(e, text, sourceFile));
            return Optional.empty();
        }
    }

    private static void reportTooLarge(long size, Findings findings) {
        findings.add(Code.YAML_TOO_LARGE, "", null, Code.YAML_TOO_LARGE.message(size, Limits.MAX_BYTES));
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the file does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
