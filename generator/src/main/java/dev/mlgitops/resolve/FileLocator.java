package dev.mlgitops.resolve;

import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.finding.Position;
import dev.mlgitops.load.SourceMap;

/**
 * A locator over the loaded file: the merge's origins, then the file's positions. A finding
 * whose value came from an environment's overrides names that environment, so the same mistake
 * in the shared spec is reported once while an override's is reported against its environment.
 *
 * @param environment empty for the spec as written
 */
record FileLocator(SourceMap sources, UnaryOperator<String> origins, Optional<String> environment)
        implements Locator {

    static FileLocator ofSpec(SourceMap sources) {
        return new FileLocator(sources, pointer -> "/spec" + pointer, Optional.empty());
    }

    static FileLocator ofMerge(SourceMap sources, MergePatch.Merged merged, String environment) {
        return new FileLocator(sources, pointer -> merged.origin(pointer, "/spec"), Optional.of(environment));
    }

    @Override
    public String origin(String specPointer) {
        return origins.apply(specPointer);
    }

    @Override
    public Optional<Position> position(String sourcePointer) {
        return sources.find(sourcePointer);
    }

    @Override
    public Finding finding(Code code, String specPointer, String message) {
        String origin = origin(specPointer);
        String text = environment.isPresent() && MergePatch.isInsideOverrides(origin)
                ? "environment '" + environment.get() + "': " + message
                : message;
        return Finding.of(code, Locator.dotted(origin), position(origin).orElse(null), text);
    }
}
