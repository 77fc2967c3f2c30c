package dev.mlgitops;

import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.model.ResolvedProject;

/**
 * The outcome of checking a spec: its findings and, when it had no errors, the resolved project.
 *
 * @param failOn the least severity that fails the run ({@link GenerateOptions#failOn})
 */
public record Validation(String sourceFile, Findings findings, Optional<ResolvedProject> project, Severity failOn) {

    /** Whether no finding reaches {@code failOn}: by default, whether there is no error. */
    public boolean passed() {
        return !findings.reach(failOn);
    }
}
