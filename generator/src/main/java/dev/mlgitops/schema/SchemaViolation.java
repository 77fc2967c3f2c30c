package dev.mlgitops.schema;

import dev.mlgitops.finding.Code;

/**
 * One schema violation of a tree that has no file positions of its own (an environment's merged
 * spec): the caller maps the pointer back to the file.
 *
 * @param pointer JSON pointer relative to the validated node, e.g. {@code /serving/x/replicas}
 * @param message the finding's message, already formatted from {@code code}'s template
 */
public record SchemaViolation(String pointer, Code code, String message) {
}
