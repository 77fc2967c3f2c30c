package dev.mlgitops.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Grafana dashboard: per served model, its p99 latency and its 5xx share, and per model
 * whose quality is watched, its drift score by feature and its accuracy, from the same queries
 * the alerts use. Built as a JSON tree, never by pasting strings, so it is valid JSON
 * whatever the names.
 */
final class Dashboard {

    /** Grafana's dashboard JSON schema version this layout was written for. */
    static final int SCHEMA_VERSION = 39;

    private Dashboard() {
    }

    /** Grafana's longest uid. */
    static final int UID_LENGTH = 40;

    /** {@code key} as a Grafana uid: itself when short enough, else cut and made unique again by a digest of the whole. */
    static String uid(String key) {
        if (key.length() <= UID_LENGTH) {
            return key;
        }
        String digest = digest(key);
        return key.substring(0, UID_LENGTH - digest.length() - 1) + "-" + digest;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String json(String uid, String title, List<PrometheusMonitoring.MonitoredView> models,
                       List<ModelQuality.QualityView> quality) {
        ObjectNode dashboard = KubeYaml.newObject();
        dashboard.put("title", title);
        dashboard.put("uid", uid);
        dashboard.put("schemaVersion", SCHEMA_VERSION);
        dashboard.put("editable", false);
        dashboard.putObject("time").put("from", "now-6h").put("to", "now");
        // the panels' data source is picked in Grafana from its Prometheus sources
        dashboard.putObject("templating").putArray("list").addObject()
                .put("name", "datasource").put("type", "datasource").put("query", "prometheus");
        ArrayNode panels = dashboard.putArray("panels");
        int y = 0;
        for (PrometheusMonitoring.MonitoredView model : models) {
            panels.add(panel(panels.size() + 1, model.name() + " p99 latency", "s", model.latency(), 0, y));
            panels.add(panel(panels.size() + 1, model.name() + " 5xx share", "percentunit", model.errorRatio(), 12, y));
            y += 8;
        }
        // a watched model's drift by feature, and its accuracy when it has one: the alerts' queries
        for (ModelQuality.QualityView model : quality) {
            panels.add(panel(panels.size() + 1, model.name() + " drift score by feature", "none", model.drift(), 0, y));
            if (model.accuracy() != null) {
                panels.add(panel(panels.size() + 1, model.name() + " accuracy", "percentunit", model.accuracy(), 12, y));
            }
            y += 8;
        }
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(dashboard);
    }

    private static ObjectNode panel(int id, String title, String unit, String query, int x, int y) {
        ObjectNode panel = KubeYaml.newObject();
        panel.put("id", id);
        panel.put("type", "timeseries");
        panel.put("title", title);
        panel.putObject("datasource").put("type", "prometheus").put("uid", "${datasource}");
        panel.putObject("gridPos").put("h", 8).put("w", 12).put("x", x).put("y", y);
        panel.putObject("fieldConfig").putObject("defaults").put("unit", unit);
        panel.putArray("targets").addObject().put("refId", "A").put("expr", query);
        return panel;
    }
}
