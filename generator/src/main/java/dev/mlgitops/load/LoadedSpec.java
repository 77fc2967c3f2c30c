package dev.mlgitops.load;

import tools.jackson.databind.node.ObjectNode;

/**
 * An mlproject.yaml read into a tree, with the file position of every node.
 *
 * @param sourceFile the file name as shown in findings (relative, never a machine's absolute path)
 */
public record LoadedSpec(String sourceFile, ObjectNode root, SourceMap sourceMap) {
}
