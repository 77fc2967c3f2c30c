package dev.mlgitops.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class JsonTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesWhatDatabindsDefaultPrettyPrinterWrites() {
        ObjectNode tree = JSON.createObjectNode();
        tree.put("name", "a \"quoted\" ü\n");
        tree.put("count", 3);
        tree.putArray("empty");
        tree.putObject("none");
        tree.putArray("items").add("x").addObject().put("line", 42L);

        String streamed = JsonText.pretty(json -> {
            json.writeStartObject();
            json.writeStringProperty("name", "a \"quoted\" ü\n");
            json.writeNumberProperty("count", 3);
            json.writeArrayPropertyStart("empty");
            json.writeEndArray();
            json.writeObjectPropertyStart("none");
            json.writeEndObject();
            json.writeArrayPropertyStart("items");
            json.writeString("x");
            json.writeStartObject();
            json.writeNumberProperty("line", 42L);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });

        assertThat(streamed).isEqualTo(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }

    @Test
    void readsObjectsInOrderArraysAndScalars() {
        Object value = JsonText.read("{\"b\": [1, 2.5, \"x\", true, false, null], \"a\": {\"c\": \"d\"}}");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", Arrays.asList(1L, 2.5, "x", true, false, null));
        expected.put("a", Map.of("c", "d"));
        assertThat(value).isEqualTo(expected);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("b", "a"));
        assertThat(JsonText.read("[]")).isEqualTo(List.of());
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        assertThatThrownBy(() -> JsonText.read("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonText.read("{} {}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonText.read("{\"a\": ")).isInstanceOf(JacksonException.class);
    }
}
