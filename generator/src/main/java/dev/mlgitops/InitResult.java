package dev.mlgitops;

import java.nio.file.Path;

import dev.mlgitops.finding.Findings;

/** What {@code init} did: {@link Status#CLEAN} with the files it wrote, or {@link Status#FINDINGS} with none written. */
public final class InitResult extends Result {

    private final Path spec;
    private final Path schema;

    InitResult(Status status, Findings findings, Path spec, Path schema) {
        super(status, spec.getFileName().toString(), findings);
        this.spec = spec;
        this.schema = schema;
    }

    /** The starter spec (written when clean). */
    public Path spec() {
        return spec;
    }

    /** The schema copy its first line points editors at (written when clean). */
    public Path schema() {
        return schema;
    }
}
