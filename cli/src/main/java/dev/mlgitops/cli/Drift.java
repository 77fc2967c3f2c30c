package dev.mlgitops.cli;

import dev.mlgitops.ReviewResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON that {@code check} and {@code diff} print: the findings report with the files that drifted. */
final class Drift {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Drift() {
    }

    static String json(String findingsJson, ReviewResult result) {
        ObjectNode root = (ObjectNode) JSON.readTree(findingsJson);
        if (!result.stoppedByFindings()) {
            ObjectNode node = root.putObject("drift");
            node.put("inSync", result.inSync());
            result.missing().forEach(node.putArray("missing")::add);
            result.different().forEach(node.putArray("different")::add);
            result.stale().forEach(node.putArray("stale")::add);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString((JsonNode) root) + "\n";
    }
}
