package dev.mlgitops.resolve;

import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.schema.SchemaChecker;

/** Applies each environment's overrides and binds references. (Being built.) */
public final class Resolver {

    private final SchemaChecker schema;

    public Resolver(SchemaChecker schema) {
        this.schema = schema;
    }

    public Optional<ResolvedProject> resolve(LoadedSpec spec, Findings findings) {
        throw new UnsupportedOperationException("resolve: not built yet");
    }
}
