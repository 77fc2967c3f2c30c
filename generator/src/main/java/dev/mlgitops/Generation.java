package dev.mlgitops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.Stage;
import dev.mlgitops.report.RunSummary;
import dev.mlgitops.write.WriteResult;

/**
 * The outcome of generating: the findings, the tree when the run passed, what writing it changed
 * when it was written, and how many objects each environment's stages rendered.
 *
 * @param objects by environment of the run ({@code base} first, then promotion order) and stage; empty on errors
 * @param failOn the least severity that fails the run ({@link GenerateOptions#failOn})
 * @param upToDate whether the run found its inputs and the written tree as its stamp recorded them,
 *                 and so did no work: the findings are the last run's, the tree is read back
 * @param prerequisites what the clusters need for the tree, when the run got as far as the function checks
 *                      (an up-to-date run has them in the tree's PREREQUISITES.md only)
 */
public record Generation(String sourceFile, Findings findings, Optional<OutputTree> tree, Optional<WriteResult> written,
                         Map<String, Map<Stage, Integer>> objects, Severity failOn, boolean upToDate,
                         Optional<Prerequisites> prerequisites) {

    public Generation {
        // kept in the run's order, which Map.copyOf would lose
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
    }

    /** A run that yields no tree (findings stopped it). */
    static Generation failed(String sourceFile, Findings findings, Severity failOn) {
        return new Generation(sourceFile, findings, Optional.empty(), Optional.empty(), Map.of(), failOn, false,
                Optional.empty());
    }

    /** A run that skipped the work: everything as the stamped run left it, nothing written. */
    static Generation upToDate(String sourceFile, Findings findings, OutputTree tree,
                               Map<String, Map<Stage, Integer>> objects, Severity failOn) {
        WriteResult nothing = new WriteResult(List.of(), List.copyOf(tree.files().keySet()), List.of());
        return new Generation(sourceFile, findings, Optional.of(tree), Optional.of(nothing), objects, failOn, true,
                Optional.empty());
    }

    /** The same run, written. */
    Generation withWritten(WriteResult result) {
        return new Generation(sourceFile, findings, tree, Optional.of(result), objects, failOn, upToDate, prerequisites);
    }

    /** Whether no finding reaches {@code failOn}: by default, whether there is no error. */
    public boolean passed() {
        return !findings.reach(failOn);
    }

    /** The table of environments by stages, when the tree was written. */
    public Optional<RunSummary> summary() {
        return written.map(result -> RunSummary.of(objects, result));
    }
}
