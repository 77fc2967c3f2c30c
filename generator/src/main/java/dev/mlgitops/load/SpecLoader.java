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
        return Utf8Text.decode(content, sourceFile, findings).flatMap(text -> parse(text, sourceFile, findings));
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
