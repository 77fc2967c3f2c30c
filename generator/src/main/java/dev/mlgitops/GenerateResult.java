package dev.mlgitops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.Stage;
import dev.mlgitops.write.RunSummary;
import dev.mlgitops.write.WriteResult;

/**
 * What {@code generate} did: {@link Status#CLEAN} with the files it wrote, left and removed, or
 * {@link Status#FINDINGS} with nothing written.
 */
public final class GenerateResult extends Result {

    private final Path outputDirectory;
    private final Optional<OutputTree> tree;
    private final Optional<WriteResult> written;
    private final Map<String, Map<Stage, Integer>> objects;
    private final boolean upToDate;
    private final Optional<Prerequisites> prerequisites;

    GenerateResult(Status status, String sourceFile, Findings findings, Path outputDirectory, Optional<OutputTree> tree,
                   Optional<WriteResult> written, Map<String, Map<Stage, Integer>> objects, boolean upToDate,
                   Optional<Prerequisites> prerequisites) {
        super(status, sourceFile, findings);
        this.outputDirectory = outputDirectory;
        this.tree = tree;
        this.written = written;
        this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        this.upToDate = upToDate;
        this.prerequisites = prerequisites;
    }

    /** Where the tree is: {@code <outputDirectory>/<spec.gitops.path>}; empty when nothing was written. */
    public Optional<Path> treeFolder() {
        return tree.map(t -> outputDirectory.resolve(t.root()));
    }

    /** The tree's files by path relative to its root; empty when nothing was written. */
    public Map<String, String> files() {
        return tree.<Map<String, String>>map(OutputTree::files).orElse(Map.of());
    }

    /** The files written because they were new or changed, relative to the tree's root. */
    public List<String> written() {
        return written.map(WriteResult::written).orElse(List.of());
    }

    /** The files left as they were. */
    public List<String> unchanged() {
        return written.map(WriteResult::unchanged).orElse(List.of());
    }

    /** The generated files removed because the spec no longer produces them. */
    public List<String> removed() {
        return written.map(WriteResult::removed).orElse(List.of());
    }

    /** Whether the run found its inputs and the written tree as its stamp recorded them, and so did no work. */
    public boolean upToDate() {
        return upToDate;
    }

    /** The table of environments by stages with the objects and files of each, when the tree was written. */
    public Optional<String> summaryTable(Duration took) {
        return summary().map(summary -> summary.table(took));
    }

    Optional<RunSummary> summary() {
        return written.map(result -> RunSummary.of(objects, result));
    }

    Map<String, Map<Stage, Integer>> objects() {
        return objects;
    }

    /** An up-to-date run has its prerequisites in the tree's PREREQUISITES.md only. */
    @Override
    Optional<Prerequisites> prerequisites() {
        return prerequisites;
    }

    Optional<OutputTree> tree() {
        return tree;
    }
}
