package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Target;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Two environments on one cluster: their dashboards and alerts neither collide nor read each other's metrics. */
class MonitoringPerEnvironmentTest {

    private static final Target DEV = new Target("dev", 0, "in-cluster", "fraud-dev", true);
    private static final Target STAGING = new Target("staging", 1, "in-cluster", "fraud-staging", true);

    /** Every metric selector in a PromQL expression: the name and what is inside its braces. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

    @Test
    void dashboardsOfTwoEnvironmentsHaveTheirOwnUidTitleAndFile() {
        JsonNode dev = dashboard(Rendering.of(environment(DEV)));
        JsonNode staging = dashboard(Rendering.of(environment(STAGING)));

        assertThat(dev.get("uid").asString()).isEqualTo("fraud-detection-dev");
        assertThat(staging.get("uid").asString()).isEqualTo("fraud-detection-staging");
        assertThat(dev.get("title").asString()).isEqualTo("fraud-detection models (dev)");
        assertThat(staging.get("title").asString()).isEqualTo("fraud-detection models (staging)");
        // the sidecar writes each data key as a file into one folder: the keys differ too
        assertThat(configMap(Rendering.of(environment(DEV))).get("data").propertyNames()).containsExactly("fraud-detection-dev.json");
        assertThat(configMap(Rendering.of(environment(STAGING))).get("data").propertyNames())
                .containsExactly("fraud-detection-staging.json");
    }

    @Test
    void everyDashboardQueryAndAlertReadsItsOwnNamespaceOnly() {
        for (Target target : List.of(DEV, STAGING)) {
            Rendering rendering = Rendering.of(environment(target));
            List<String> expressions = new ArrayList<>();
            dashboard(rendering).get("panels").forEach(panel -> panel.get("targets")
                    .forEach(query -> expressions.add(query.get("expr").asString())));
            rendering.get("PrometheusRule/fraud-detection-alerts").at("/spec/groups/0/rules")
                    .forEach(rule -> expressions.add(rule.get("expr").asString()));

            assertThat(expressions).hasSizeGreaterThan(6);
            for (String expression : expressions) {
                Matcher selector = SELECTOR.matcher(expression);
                int selectors = 0;
                while (selector.find()) {
                    selectors++;
                    assertThat(selector.group(2).split(",\\s*")).as(expression)
                            .contains("namespace=\"" + target.namespace() + "\"");
                }
                assertThat(selectors).as(expression).isPositive();
            }
        }
    }

    @Test
    void aLongProjectAndEnvironmentNameStillMakesDistinctGrafanaUids() {
        String first = Dashboard.uid("a-project-name-that-is-forty-characters-x-production-eu");
        String second = Dashboard.uid("a-project-name-that-is-forty-characters-x-production-us");

        assertThat(first).hasSize(Dashboard.UID_LENGTH).isNotEqualTo(second);
        assertThat(first).startsWith("a-project-name-that-is-forty-ch-");
        assertThat(Dashboard.uid("short-dev")).isEqualTo("short-dev");
    }

    private static ResolvedEnvironment environment(Target target) {
        return new ResolvedEnvironment(ReferenceProject.metadata(), ReferenceProject.spec(spec -> spec), Optional.of(target));
    }

    private static ObjectNode configMap(Rendering rendering) {
        return rendering.get("ConfigMap/fraud-detection-dashboard");
    }

    private static JsonNode dashboard(Rendering rendering) {
        Map.Entry<String, JsonNode> only = configMap(rendering).get("data").properties().iterator().next();
        return JsonMapper.builder().build().readTree(only.getValue().asString());
    }
}
