package dev.mlgitops.write;

import java.nio.file.Path;

import dev.mlgitops.layout.OutputTree;

/** Writes a tree to disk atomically, removing only our stale files. (Being built in its own branch.) */
public final class TreeWriter {

    private TreeWriter() {
    }

    public static WriteResult write(OutputTree tree, Path outputDirectory) {
        throw new UnsupportedOperationException("write: not built yet");
    }
}
