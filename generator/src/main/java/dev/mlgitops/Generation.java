package dev.mlgitops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.Stage;
import dev.mlgitops.report.RunSummary;
import dev.mlgitops.write.WriteResult;

/**
 * The outcome of generating: the findings, the tree when there were no errors, what writing
 * it changed when it was written, and how many objects each environment's stages rendered.
 *
 * @param objects by environment of the run ({@code base} first, then promotion order) and stage; empty on errors
 */
public record Generation(String sourceFile, Findings findings, Optional<OutputTree> tree, Optional<WriteResult> written,
        Map<String, Map<Stage, Integer>> objects) {

    public Generation {
        // kept in the run's order, which Map.copyOf would lose
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    public Generation(String sourceFile, Findings findings, Optional<OutputTree> tree, Optional<WriteResult> written) {
        this(sourceFile, findings, tree, written, Map.of());
    }

    public boolean passed() {
        return !findings.hasErrors();
    }

    /** The table of environments by stages, when the tree was written. */
    public Optional<RunSummary> summary() {
        return written.map(result -> RunSummary.of(objects, result));
    }
}
