package dev.mlgitops.load;

import java.nio.file.Path;
import java.util.Optional;

import dev.mlgitops.finding.Findings;

/** Reads an mlproject.yaml into a tree with positions. (Being built in its own branch.) */
public final class SpecLoader {

    private SpecLoader() {
    }

    public static Optional<LoadedSpec> load(Path file, String sourceFile, Findings findings) {
        throw new UnsupportedOperationException("load: not built yet");
    }

    public static Optional<LoadedSpec> load(byte[] content, String sourceFile, Findings findings) {
        throw new UnsupportedOperationException("load: not built yet");
    }
}
