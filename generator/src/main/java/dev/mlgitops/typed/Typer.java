package dev.mlgitops.typed;

import java.util.List;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.render.RenderedDocument;

/** Parses rendered documents and binds each to its Kubernetes type. (Being built in its own branch.) */
public final class Typer {

    public List<TypedObject> type(List<RenderedDocument> documents, Findings findings) {
        throw new UnsupportedOperationException("typed: not built yet");
    }
}
