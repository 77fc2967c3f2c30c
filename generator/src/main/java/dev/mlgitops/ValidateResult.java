package dev.mlgitops;

import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.function.Prerequisites;

/**
 * What {@code validate} found: {@link Status#CLEAN} or {@link Status#FINDINGS}, the findings, and
 * when the run got through the function checks what the clusters need ({@link #prerequisitesSummary()}).
 */
public final class ValidateResult extends Result {

    private final Optional<Prerequisites> prerequisites;

    ValidateResult(Status status, String sourceFile, Findings findings, Optional<Prerequisites> prerequisites) {
        super(status, sourceFile, findings);
        this.prerequisites = prerequisites;
    }

    @Override
    Optional<Prerequisites> prerequisites() {
        return prerequisites;
    }
}
