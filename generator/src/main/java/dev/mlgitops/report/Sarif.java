package dev.mlgitops.report;

import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.yaml.JsonText;

/** SARIF 2.1.0 (OASIS): one run, one rule per code that occurs, one result per finding. */
final class Sarif {

    private Sarif() {
    }

    static String render(FindingReports report) {
        Map<String, Finding> firstByCode = new TreeMap<>();
        report.findings().forEach(f -> firstByCode.putIfAbsent(f.code().id(), f));
        return JsonText.pretty(json -> {
            json.writeStartObject();
            json.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringProperty("version", "2.1.0");
            json.writeArrayPropertyStart("runs");
            json.writeStartObject();
            json.writeObjectPropertyStart("tool");
            json.writeObjectPropertyStart("driver");
            json.writeStringProperty("name", "mlgitops");
            json.writeStringProperty("informationUri", "https://mlgitops.dev");
            json.writeArrayPropertyStart("rules");
            firstByCode.forEach((id, finding) -> {
                json.writeStartObject();
                json.writeStringProperty("id", id);
                json.writeObjectPropertyStart("shortDescription");
                json.writeStringProperty("text", id);
                json.writeEndObject();
                json.writeObjectPropertyStart("defaultConfiguration");
                json.writeStringProperty("level", level(finding.code().severity()));
                json.writeEndObject();
                json.writeEndObject();
            });
            json.writeEndArray();
            json.writeEndObject(); // driver
            json.writeEndObject(); // tool
            json.writeArrayPropertyStart("results");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringProperty("ruleId", finding.code().id());
                json.writeStringProperty("level", level(finding.severity()));
                String path = finding.jsonPath().isEmpty() ? "" : finding.jsonPath() + ": ";
                json.writeObjectPropertyStart("message");
                json.writeStringProperty("text", path + finding.message());
                json.writeEndObject();
                json.writeArrayPropertyStart("locations");
                json.writeStartObject();
                json.writeObjectPropertyStart("physicalLocation");
                json.writeObjectPropertyStart("artifactLocation");
                json.writeStringProperty("uri", report.specUri());
                json.writeEndObject();
                finding.position().ifPresent(position -> {
                    json.writeObjectPropertyStart("region");
                    json.writeNumberProperty("startLine", position.line());
                    json.writeNumberProperty("startColumn", position.column());
                    json.writeEndObject();
                });
                json.writeEndObject(); // physicalLocation
                if (!finding.jsonPath().isEmpty()) {
                    json.writeArrayPropertyStart("logicalLocations");
                    json.writeStartObject();
                    json.writeStringProperty("fullyQualifiedName", finding.jsonPath());
                    json.writeStringProperty("kind", "member");
                    json.writeEndObject();
                    json.writeEndArray();
                }
                json.writeEndObject(); // location
                json.writeEndArray();
                json.writeEndObject(); // result
            }
            json.writeEndArray();
            json.writeEndObject(); // run
            json.writeEndArray();
            json.writeEndObject();
        }) + "\n";
    }

    private static String level(Severity severity) {
        return severity == Severity.ERROR ? "error" : "warning";
    }
}
