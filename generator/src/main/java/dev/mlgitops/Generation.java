package dev.mlgitops;

import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.write.WriteResult;

/**
 * The outcome of generating: the findings, the tree when the run passed, and what writing it
 * changed when it was written.
 *
 * @param failOn the least severity that fails the run ({@link GenerateOptions#failOn})
 */
public record Generation(String sourceFile, Findings findings, Optional<OutputTree> tree, Optional<WriteResult> written,
                         Severity failOn) {

    /** Whether no finding reaches {@code failOn}: by default, whether there is no error. */
    public boolean passed() {
        return !findings.reach(failOn);
    }
}
