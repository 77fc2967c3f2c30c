package dev.mlgitops.resolve;

import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.finding.Position;
import dev.mlgitops.load.SourceMap;

/** A locator over the loaded file: the merge's origins, then the file's positions. */
record FileLocator(SourceMap sources, UnaryOperator<String> origins) implements Locator {

    static FileLocator ofSpec(SourceMap sources) {
        return new FileLocator(sources, pointer -> "/spec" + pointer);
    }

    static FileLocator ofMerge(SourceMap sources, MergePatch.Merged merged) {
        return new FileLocator(sources, pointer -> merged.origin(pointer, "/spec"));
    }

    @Override
    public String origin(String specPointer) {
        return origins.apply(specPointer);
    }

    @Override
    public Optional<Position> position(String sourcePointer) {
        return sources.find(sourcePointer);
    }
}
