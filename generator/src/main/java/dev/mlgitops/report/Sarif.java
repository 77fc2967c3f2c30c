package dev.mlgitops.report;

import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SARIF 2.1.0 (OASIS): one run, one rule per code that occurs, one result per finding. */
final class Sarif {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Sarif() {
    }

    static String render(FindingReports report) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "mlgitops");
        driver.put("informationUri", "https://mlgitops.dev");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Finding> firstByCode = new TreeMap<>();
        report.findings().forEach(f -> firstByCode.putIfAbsent(f.code().id(), f));
        firstByCode.forEach((id, finding) -> {
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", id);
            rule.putObject("defaultConfiguration").put("level", level(finding.code().severity()));
        });
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.code().id());
            result.put("level", level(finding.severity()));
            String path = finding.jsonPath().isEmpty() ? "" : finding.jsonPath() + ": ";
            result.putObject("message").put("text", path + finding.message());
            ObjectNode location = result.putArray("locations").addObject();
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", report.specUri());
            finding.position().ifPresent(position -> {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", position.line());
                region.put("startColumn", position.column());
            });
            if (!finding.jsonPath().isEmpty()) {
                location.putArray("logicalLocations").addObject()
                        .put("fullyQualifiedName", finding.jsonPath())
                        .put("kind", "member");
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
