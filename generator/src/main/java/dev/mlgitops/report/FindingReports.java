package dev.mlgitops.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.mlgitops.MlGitopsException;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;

/**
 * The findings of one run in the formats other tools read: SARIF 2.1.0 for code scanning,
 * JUnit XML for CI test views, and plain JSON for scripts.
 *
 * @param specUri the spec's path as the consumer resolves it, e.g. relative to the repository root
 *                ({@code ml/fraud/mlproject.yaml}); never an absolute path of this machine
 */
public record FindingReports(String specUri, List<Finding> findings) {

    public FindingReports {
        findings = List.copyOf(findings);
    }

    public static FindingReports of(String specUri, Findings findings) {
        return new FindingReports(specUri, findings.sorted());
    }

    public String sarif() {
        return Sarif.render(this);
    }

    public String junitXml() {
        return JunitXml.render(this);
    }

    public String json() {
        return FindingsJson.render(this);
    }

    /** Writes {@code findings.sarif}, {@code findings-junit.xml} and {@code findings.json} into a folder. */
    public void writeTo(Path directory) {
        Map<String, String> files = Map.of(
                "findings.sarif", sarif(),
                "findings-junit.xml", junitXml(),
                "findings.json", json());
        for (Map.Entry<String, String> file : files.entrySet()) {
            try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MlGitopsException("writing the findings report " + file.getKey() + ": " + e.getMessage(), e);
            }
        }
    }

    long errors() {
        return findings.stream().filter(Finding::isError).count();
    }
}
