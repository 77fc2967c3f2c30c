package dev.mlgitops.load;

import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.finding.Position;

/**
 * Where each node of a loaded tree stands in its file, by JSON pointer ({@code /spec/serving/x}).
 * A finding points where a person looks for the name its path ends in: the key of a mapping
 * entry ({@code engine} in {@code engine: kservee}), or the item itself in a list. A pointer with
 * no entry of its own (a value an override introduced, say) falls back to its nearest ancestor
 * that has one, so a finding always points somewhere useful.
 */
public final class SourceMap {

    private final String file;
    private final Map<String, Position> positions;
    private final Map<String, Position> keys;

    public SourceMap(String file, Map<String, Position> positions) {
        this(file, positions, Map.of());
    }

    /** @param keys where the key of each mapping entry stands, for findings about the key itself */
    public SourceMap(String file, Map<String, Position> positions, Map<String, Position> keys) {
        this.file = file;
        this.positions = Map.copyOf(positions);
        this.keys = Map.copyOf(keys);
    }

    public String file() {
        return file;
    }

    /** The position of the node at {@code pointer} (its key's, in a mapping), or of its nearest ancestor. */
    public Optional<Position> find(String pointer) {
        String current = pointer;
        while (true) {
            Position key = keys.get(current);
            Position position = key != null ? key : positions.get(current);
            if (position != null) {
                return Optional.of(position);
            }
            if (current.isEmpty()) {
                return Optional.empty();
            }
            int slash = current.lastIndexOf('/');
            current = slash <= 0 ? "" : current.substring(0, slash);
        }
    }

    /** Like {@link #find} but null when nothing is known, for {@code Finding.of}. */
    public Position at(String pointer) {
        return find(pointer).orElse(null);
    }

    /** The dotted path users read ({@code spec.serving.x}) for a JSON pointer. */
    public static String dotted(String pointer) {
        return Locator.dotted(pointer);
    }

    /** Escapes one key for use in a JSON pointer (RFC 6901). */
    public static String escape(String key) {
        return Locator.escape(key);
    }
}
