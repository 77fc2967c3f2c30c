package dev.mlgitops.render;

import java.util.List;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/** Renders each stage's engine blueprints for one environment. (Being built in its own branch.) */
public final class Renderer {

    public Renderer(Blueprints blueprints) {
    }

    public List<RenderedDocument> render(ResolvedEnvironment environment, Findings findings) {
        throw new UnsupportedOperationException("render: not built yet");
    }
}
