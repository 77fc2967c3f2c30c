package dev.mlgitops.init;

import java.nio.file.Path;

import dev.mlgitops.finding.Findings;

/**
 * What the starter wrote: where the starter spec and the schema copy it points at are, or the
 * findings that kept it from writing anything.
 */
public record StarterFiles(Path spec, Path schema, Findings findings) {

    public boolean passed() {
        return !findings.hasErrors();
    }
}
