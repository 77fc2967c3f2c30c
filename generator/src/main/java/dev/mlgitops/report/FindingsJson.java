package dev.mlgitops.report;

import dev.mlgitops.finding.Finding;
import dev.mlgitops.yaml.JsonText;

/** The findings as plain JSON, one object per finding, for scripts and the CLI's {@code --output json}. */
final class FindingsJson {

    private FindingsJson() {
    }

    static String render(FindingReports report) {
        return JsonText.pretty(json -> {
            json.writeStartObject();
            json.writeStringProperty("file", report.specUri());
            json.writeNumberProperty("errors", report.errors());
            json.writeNumberProperty("warnings", report.findings().size() - report.errors());
            json.writeArrayPropertyStart("findings");
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringProperty("code", finding.code().id());
                json.writeStringProperty("severity", finding.severity().label());
                json.writeStringProperty("path", finding.jsonPath());
                finding.position().ifPresent(position -> {
                    json.writeNumberProperty("line", position.line());
                    json.writeNumberProperty("column", position.column());
                });
                json.writeStringProperty("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }) + "\n";
    }
}
