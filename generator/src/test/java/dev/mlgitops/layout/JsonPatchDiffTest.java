package dev.mlgitops.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

class JsonPatchDiffTest {

    @Test
    void identicalTreesNeedNoOperation() {
        assertThat(diff("{a: {b: [1, 2]}}", "{a: {b: [1, 2]}}")).isEqualTo("[]");
    }

    @Test
    void replacesChangedScalarsAddsNewKeysAndRemovesMissingOnes() {
        assertThat(diff("{spec: {min: 1, max: 4, old: x}}", "{spec: {min: 2, max: 4, extra: {y: 1}}}"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/spec/min\",\"value\":2},"
                        + "{\"op\":\"add\",\"path\":\"/spec/extra\",\"value\":{\"y\":1}},"
                        + "{\"op\":\"remove\",\"path\":\"/spec/old\"}]");
    }

    @Test
    void escapesTildeBeforeSlashInPointerTokens() {
        assertThat(diff("{labels: {a: b}}", "{labels: {a: b, x~y/z: c}}"))
                .isEqualTo("[{\"op\":\"add\",\"path\":\"/labels/x~0y~1z\",\"value\":\"c\"}]");
    }

    @Test
    void patchesListsItemByItemWhenTheirNamedItemsLineUp() {
        assertThat(diff("{env: [{name: A, value: '1'}, {name: B, value: '2'}]}",
                "{env: [{name: A, value: '1'}, {name: B, value: '3'}]}"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/env/1/value\",\"value\":\"3\"}]");
    }

    @Test
    void replacesTheWholeListWhenItsLengthChanges() {
        assertThat(diff("{args: [a, b]}", "{args: [a, b, c]}"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/args\",\"value\":[\"a\",\"b\",\"c\"]}]");
    }

    @Test
    void replacesTheWholeListWhenNamedItemsDoNotLineUp() {
        assertThat(diff("{c: [{name: a, x: 1}, {name: b, x: 1}]}", "{c: [{name: b, x: 1}, {name: a, x: 1}]}"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/c\",\"value\":[{\"name\":\"b\",\"x\":1},{\"name\":\"a\",\"x\":1}]}]");
    }

    @Test
    void replacesAValueWhoseTypeChanges() {
        assertThat(diff("{a: {b: 1}}", "{a: '1'}"))
                .isEqualTo("[{\"op\":\"replace\",\"path\":\"/a\",\"value\":\"1\"}]");
    }

    private static String diff(String from, String to) {
        return JsonPatchDiff.diff(tree(from), tree(to)).toString();
    }

    private static JsonNode tree(String yaml) {
        return KubeYaml.mapper().readTree(yaml);
    }
}
