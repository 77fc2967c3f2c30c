package dev.mlgitops;

import dev.mlgitops.finding.Findings;

/** What {@code validate} found: {@link Status#CLEAN} or {@link Status#FINDINGS}, and the findings. */
public final class ValidateResult extends Result {

    ValidateResult(Status status, String sourceFile, Findings findings) {
        super(status, sourceFile, findings);
    }
}
