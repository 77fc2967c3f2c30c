package dev.mlgitops.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.mlgitops.MlGitopsException;

/** Reads the files of a folder as a tree: path relative to the folder, with '/' separators, to text. */
public final class TreeFiles {

    private TreeFiles() {
    }

    /** Every regular file under {@code folder}; empty when there is no folder. Staging leftovers are skipped. */
    public static SortedMap<String, String> read(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!relative.startsWith(".mlgitops-staging-")) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new MlGitopsException("reading the tree in " + folder.getFileName() + ": " + TreeWriter.describe(e), e);
        }
        return files;
    }
}
