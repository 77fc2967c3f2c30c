package dev.mlgitops.render;

import java.nio.file.Path;
import java.util.Optional;

/** Where the templates come from: the jar, with a user's folder on top. (Being built in its own branch.) */
public final class Blueprints {

    public static Blueprints of(Optional<Path> overrides) {
        throw new UnsupportedOperationException("render: not built yet");
    }
}
