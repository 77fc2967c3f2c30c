package dev.mlgitops.layout;

import java.util.List;
import java.util.Map;

import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.typed.TypedObject;

/** Lays out bases, overlays and Argo CD objects. (Being built in its own branch.) */
public final class Layout {

    private Layout() {
    }

    /**
     * @param base the objects of the spec as written (no environment)
     * @param environments each environment's objects as rendered, by name, in promotion order
     */
    public static OutputTree lay(ResolvedProject project, List<TypedObject> base, Map<String, List<TypedObject>> environments) {
        throw new UnsupportedOperationException("layout: not built yet");
    }
}
