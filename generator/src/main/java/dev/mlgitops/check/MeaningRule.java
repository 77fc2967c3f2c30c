package dev.mlgitops.check;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;

/** One meaning check over one resolved environment. */
interface MeaningRule {

    void check(ResolvedEnvironment environment, Findings findings);
}
