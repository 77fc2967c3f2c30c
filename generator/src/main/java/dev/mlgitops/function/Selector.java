package dev.mlgitops.function;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/** A Kubernetes label selector (matchLabels and matchExpressions) applied to a set of labels. */
final class Selector {

    private Selector() {
    }

    /** Whether a plain map selector (a Service's {@code spec.selector}) matches: every pair present. */
    static boolean matchesMap(JsonNode selector, Map<String, String> labels) {
        for (var entry : selector.properties()) {
            if (!entry.getValue().asString("").equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the selector matches; an empty selector ({@code {}}) matches everything. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (!matchesMap(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asString("");
            boolean has = labels.containsKey(key);
            boolean in = false;
            for (JsonNode value : expression.path("values")) {
                in |= value.asString("").equals(labels.get(key));
            }
            boolean ok = switch (expression.path("operator").asString("")) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
