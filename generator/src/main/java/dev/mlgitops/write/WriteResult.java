package dev.mlgitops.write;

import java.util.List;

/** What a write did, by path relative to the tree's root. */
public record WriteResult(List<String> written, List<String> unchanged, List<String> removed) {

    public WriteResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
    }

    public boolean changedAnything() {
        return !written.isEmpty() || !removed.isEmpty();
    }
}
