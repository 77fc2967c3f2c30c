package dev.mlgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a folder of generated files and says how it differs from another, file by file. */
final class Trees {

    private Trees() {
    }

    /** Every file under {@code folder}, by path relative to it with '/' separators; empty when there is no folder. */
    static SortedMap<String, String> read(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + folder, e);
        }
        return files;
    }

    /**
     * One line per file that differs: "missing" (expected, not there), "stale" (there, other
     * content) or "extra" (there, no longer expected). Empty when the trees are equal.
     */
    static List<String> differences(SortedMap<String, String> expected, SortedMap<String, String> actual) {
        List<String> lines = new ArrayList<>();
        expected.forEach((path, text) -> {
            if (!actual.containsKey(path)) {
                lines.add("missing: " + path);
            } else if (!actual.get(path).equals(text)) {
                lines.add("stale:   " + path + firstDifferentLine(text, actual.get(path)));
            }
        });
        actual.keySet().stream().filter(path -> !expected.containsKey(path)).forEach(path -> lines.add("extra:   " + path));
        return lines;
    }

    private static String firstDifferentLine(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] have = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String h = i < have.length ? have[i] : "<end of file>";
            if (!w.equals(h)) {
                return " (line " + (i + 1) + ": expected '" + w + "', found '" + h + "')";
            }
        }
        return "";
    }
}
