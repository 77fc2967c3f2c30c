package dev.mlgitops.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MergePatchTest {

    private static JsonNode yaml(String text) {
        return KubeYaml.mapper().readTree(text);
    }

    @Test
    void appliesTheRfc7386ExampleExactly() {
        // RFC 7386, section 3
        ObjectNode target = (ObjectNode) yaml("""
                {"a": "b", "c": {"d": "e", "f": "g"}}""");
        JsonNode patch = yaml("""
                {"a": "z", "c": {"f": null}}""");

        MergePatch.Merged merged = MergePatch.apply(target, patch, "/o");

        assertThat(merged.tree()).isEqualTo(yaml("""
                {"a": "z", "c": {"d": "e"}}"""));
    }

    @Test
    void replacesListsWholeAndDropsNullsInsideNewObjects() {
        ObjectNode target = (ObjectNode) yaml("{a: [1, 2], b: 3}");
        JsonNode patch = yaml("{a: [9], b: {x: 1, y: null}}");

        MergePatch.Merged merged = MergePatch.apply(target, patch, "/o");

        assertThat(merged.tree()).isEqualTo(yaml("{a: [9], b: {x: 1}}"));
    }

    @Test
    void leavesTheTargetUntouched() {
        ObjectNode target = (ObjectNode) yaml("{a: {b: 1}}");

        MergePatch.apply(target, yaml("{a: {b: 2}}"), "/o");

        assertThat(target).isEqualTo(yaml("{a: {b: 1}}"));
    }

    @Test
    void tracesPatchedValuesToTheOverrideAndTheRestToTheSpec() {
        ObjectNode spec = (ObjectNode) yaml("{serving: {scorer: {replicas: {min: 2, max: 10}, port: 80}}}");
        JsonNode patch = yaml("{serving: {scorer: {replicas: {min: 1}}, extra: {a: 1}}}");

        MergePatch.Merged merged = MergePatch.apply(spec, patch, "/spec/environments/dev/overrides");

        assertThat(merged.origin("/serving/scorer/replicas/min", "/spec"))
                .isEqualTo("/spec/environments/dev/overrides/serving/scorer/replicas/min");
        assertThat(merged.origin("/serving/scorer/replicas/max", "/spec"))
                .isEqualTo("/spec/serving/scorer/replicas/max");
        assertThat(merged.origin("/serving/extra/a", "/spec"))
                .isEqualTo("/spec/environments/dev/overrides/serving/extra/a");
        assertThat(merged.origin("/serving/scorer/port", "/spec")).isEqualTo("/spec/serving/scorer/port");
    }

    @Test
    void ignoresAPatchThatIsNotAnObject() {
        ObjectNode target = (ObjectNode) yaml("{a: 1}");

        assertThat(MergePatch.apply(target, null, "/o").tree()).isEqualTo(target);
    }
}
