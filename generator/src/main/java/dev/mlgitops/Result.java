package dev.mlgitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.report.FindingReports;

/**
 * What every command's result has: how it ended and the spec's findings, as lines a front end
 * prints and as the SARIF, JUnit XML and JSON reports. Expected outcomes (findings, drift, a
 * refused or rejected publish) are statuses, never exceptions.
 */
public abstract class Result {

    private final Status status;
    private final String sourceFile;
    private final Findings findings;

    Result(Status status, String sourceFile, Findings findings) {
        this.status = Objects.requireNonNull(status, "status");
        this.sourceFile = sourceFile;
        this.findings = findings;
    }

    public final Status status() {
        return status;
    }

    /** Whether the command ended {@linkplain Status#CLEAN clean}. */
    public final boolean passed() {
        return status == Status.CLEAN;
    }

    /** The spec's file name, as the findings name it. */
    public final String sourceFile() {
        return sourceFile;
    }

    /** Every finding in the one-line format, sorted by position. */
    public final List<FindingLine> findings() {
        return findings.sorted().stream().map(f -> new FindingLine(f.isError(), f.format(sourceFile))).toList();
    }

    public final long errorCount() {
        return findings.errorCount();
    }

    public final long warningCount() {
        return findings.warningCount();
    }

    /** Whether the findings stopped the run ({@link Status#FINDINGS}). */
    public final boolean stoppedByFindings() {
        return status == Status.FINDINGS;
    }

    /** The findings as the JSON report, the spec named as {@code specUri}. */
    public final String findingsJson(String specUri) {
        return FindingReports.of(specUri, findings).json();
    }

    /**
     * Writes findings.sarif, findings-junit.xml and findings.json into {@code folder}, and beside
     * them prerequisites.json when the run got through the function checks.
     *
     * @param specUri the spec's path as code-scanning tools resolve it (relative to the repository root)
     */
    public final void writeFindingReports(Path folder, String specUri) {
        FindingReports.of(specUri, findings).writeTo(folder);
        prerequisites().ifPresent(list -> list.writeTo(folder));
    }

    /**
     * One line naming what the clusters need before Argo CD syncs the tree ("prerequisites: Argo
     * Workflows, ..."; versions and settings are in the tree's PREREQUISITES.md), when the run got
     * through the function checks.
     */
    public final Optional<String> prerequisitesSummary() {
        return prerequisites().map(Prerequisites::summary);
    }

    /** The function step's list of prerequisites; empty for a command that does not build, or a run it stopped. */
    Optional<Prerequisites> prerequisites() {
        return Optional.empty();
    }

    /** "mlproject.yaml has 2 errors", for a summary line; the file's name escaped as in a finding. */
    public final String errorSummary() {
        return Shown.escaped(sourceFile) + " has " + count(findings.errorCount(), "error");
    }

    /** "mlproject.yaml has 3 warnings". */
    public final String warningSummary() {
        return Shown.escaped(sourceFile) + " has " + count(findings.warningCount(), "warning");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

}
