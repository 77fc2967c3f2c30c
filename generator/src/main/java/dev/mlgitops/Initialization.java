package dev.mlgitops;

import java.nio.file.Path;

import dev.mlgitops.finding.Findings;

/**
 * The outcome of {@code init}: where the starter spec and the schema copy it points at were
 * written, or the findings that kept it from writing anything.
 */
public record Initialization(Path spec, Path schema, Findings findings) {

    public boolean passed() {
        return !findings.hasErrors();
    }
}
