package dev.mlgitops.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The schema file itself: what editors complete from, and what the messages rely on. */
class ShippedSchemaTest {

    private final JsonNode schema = ShippedSchema.load().json();

    @Test
    void isDraft2020WithApiVersionAndKindFixed() {
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.at("/properties/apiVersion/const").asString()).isEqualTo("mlgitops.dev/v1alpha1");
        assertThat(schema.at("/properties/kind/const").asString()).isEqualTo("MLProject");
        assertThat(schema.at("/$defs/spec/type").asString()).isEqualTo("object");
    }

    @Test
    void describesEveryProperty() {
        List<String> undescribed = new ArrayList<>();
        eachProperty((pointer, property) -> {
            if (!property.path("description").isString() || property.path("description").asString().isBlank()) {
                undescribed.add(pointer);
            }
        });

        assertThat(undescribed).isEmpty();
    }

    /** Completion offers a value only where the schema gives one: an example, a default, an enum or a const. */
    @Test
    void offersAValueForEveryScalarProperty() {
        List<String> bare = new ArrayList<>();
        eachProperty((pointer, property) -> {
            JsonNode resolved = resolve(property);
            String type = resolved.path("type").isString() ? resolved.path("type").asString() : "";
            // overrides' sections are merge patches of any type: nothing to offer there
            boolean scalar = !type.isEmpty() && !type.equals("object") && !type.equals("array");
            if (scalar && !offersValue(property) && !offersValue(resolved)) {
                bare.add(pointer);
            }
        });

        assertThat(bare).isEmpty();
    }

    private JsonNode resolve(JsonNode property) {
        String ref = property.path("$ref").asString("");
        return ref.startsWith("#/$defs/") ? schema.at(ref.substring(1)) : property;
    }

    private static boolean offersValue(JsonNode node) {
        return node.has("examples") || node.has("default") || node.has("enum") || node.has("const");
    }

    @Test
    void closesEveryObjectToUnknownFields() {
        List<String> open = new ArrayList<>();
        walk(schema, "", (pointer, node) -> {
            // an if only tests, and a then only narrows properties its object declares (and closes)
            if (node.has("properties") && !pointer.endsWith("/if") && !pointer.contains("/then")
                    && !node.has("additionalProperties")) {
                open.add(pointer);
            }
        });

        assertThat(open).isEmpty();
    }

    @Test
    void keepsEveryPatternInANamedDefinitionThatMessagesExplain() {
        List<String> problems = new ArrayList<>();
        walk(schema, "", (pointer, node) -> {
            if (node.has("pattern")) {
                String[] parts = pointer.split("/");
                boolean inDefinition = parts.length == 3 && parts[1].equals("$defs");
                if (!inDefinition) {
                    problems.add("pattern outside $defs at " + pointer);
                } else if (!PatternExplanations.explains(parts[2])) {
                    problems.add("no explanation for #/$defs/" + parts[2]);
                }
            }
        });

        assertThat(problems).isEmpty();
    }

    @Test
    void limitsNamesToDns1035LabelsAndTheProjectNameToFortyCharacters() {
        assertThat(schema.at("/$defs/name/pattern").asString()).isEqualTo("^[a-z]([-a-z0-9]*[a-z0-9])?$");
        assertThat(schema.at("/$defs/name/maxLength").asInt()).isEqualTo(63);
        assertThat(schema.at("/$defs/projectName/maxLength").asInt()).isEqualTo(40);
    }

    /** Every property a user may write, by its pointer; an "if" only tests a property, it declares nothing. */
    private void eachProperty(Visitor visitor) {
        walk(schema, "", (pointer, node) -> {
            if (pointer.endsWith("/properties") && !pointer.contains("/if/")) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    visitor.visit(pointer + "/" + property.getKey(), property.getValue());
                }
            }
        });
    }

    private interface Visitor {
        void visit(String pointer, JsonNode node);
    }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                walk(child.getValue(), pointer + "/" + child.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }
}
