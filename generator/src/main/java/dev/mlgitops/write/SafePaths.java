package dev.mlgitops.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mlgitops.MlGitopsException;

/**
 * Where a tree's relative paths land, refusing any that would leave the output folder, whatever
 * the tree says: absolute paths, '..' segments, empty segments, backslashes, and existing
 * folders (symbolic links included) that resolve outside it.
 */
final class SafePaths {

    private final Path outputDirectory;
    private final Path realOutputDirectory;

    SafePaths(Path outputDirectory) {
        this.outputDirectory = outputDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.outputDirectory);
            this.realOutputDirectory = this.outputDirectory.toRealPath();
        } catch (IOException e) {
            throw new MlGitopsException("creating the output folder: " + TreeWriter.describe(e), e);
        }
    }

    Path outputDirectory() {
        return outputDirectory;
    }

    /** The absolute place of a '/'-separated path relative to the output folder ("" is the folder itself). */
    Path resolve(String relative) {
        if (relative.isEmpty()) {
            return outputDirectory;
        }
        if (relative.startsWith("/") || relative.contains("\\") || relative.matches("^[A-Za-z]:.*")) {
            throw refused(relative, "it is absolute or not '/'-separated");
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw refused(relative, "it has an empty, '.' or '..' segment");
            }
        }
        Path resolved = outputDirectory.resolve(relative).normalize();
        if (!resolved.startsWith(outputDirectory) || resolved.equals(outputDirectory)) {
            throw refused(relative, "it resolves outside the output folder");
        }
        Path existing = resolved;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            if (!existing.toRealPath().startsWith(realOutputDirectory)) {
                throw refused(relative, "a folder on its way links outside the output folder");
            }
        } catch (IOException e) {
            throw new MlGitopsException("resolving " + relative + ": " + TreeWriter.describe(e), e);
        }
        return resolved;
    }

    private static MlGitopsException refused(String relative, String why) {
        return new MlGitopsException("refusing to write " + relative + ": " + why);
    }
}
