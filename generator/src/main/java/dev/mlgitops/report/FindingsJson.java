package dev.mlgitops.report;

import dev.mlgitops.finding.Finding;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The findings as plain JSON, one object per finding, for scripts and the CLI's {@code --output json}. */
final class FindingsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FindingsJson() {
    }

    static String render(FindingReports report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("file", report.specUri());
        root.put("errors", report.errors());
        root.put("warnings", report.findings().size() - report.errors());
        ArrayNode all = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = all.addObject();
            node.put("code", finding.code().id());
            node.put("severity", finding.severity().label());
            node.put("path", finding.jsonPath());
            finding.position().ifPresent(position -> {
                node.put("line", position.line());
                node.put("column", position.column());
            });
            node.put("message", finding.message());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
