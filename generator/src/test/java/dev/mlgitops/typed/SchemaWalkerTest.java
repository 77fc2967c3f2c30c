package dev.mlgitops.typed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;

class SchemaWalkerTest {

    private static final String CORE = "{\"Port\": {\"type\": \"object\", \"required\": [\"containerPort\"],"
            + " \"properties\": {\"containerPort\": {\"type\": \"integer\"}, \"name\": {\"type\": \"string\"}}}}";

    @Test
    void acceptsIntegersAndStringsWhereIntOrString() {
        String schema = "{type: object, properties: {port: {x-kubernetes-int-or-string: true}}}";

        assertThat(problems(schema, "{port: 8080}")).isEmpty();
        assertThat(problems(schema, "{port: http}")).isEmpty();
        assertThat(problems(schema, "{port: 1.5}")).containsExactly("port: expected an integer or a string, got 1.5");
        assertThat(problems(schema, "{port: true}")).containsExactly("port: expected an integer or a string, got true");
    }

    @Test
    void rejectsNullUnlessNullable() {
        assertThat(problems("{type: object, properties: {a: {type: string}}}", "{a: null}"))
                .containsExactly("a: null is not allowed here (expected a string)");
        assertThat(problems("{type: object, properties: {a: {type: string, nullable: true}}}", "{a: null}")).isEmpty();
    }

    @Test
    void checksMapValuesAgainstAdditionalProperties() {
        String schema = "{type: object, additionalProperties: {type: integer}}";

        assertThat(problems(schema, "{a: 1, b: 2}")).isEmpty();
        assertThat(problems(schema, "{a: 1, b: two}")).containsExactly("b: expected an integer, got 'two'");
    }

    @Test
    void keepsAnythingUnderPreserveUnknownFields() {
        String schema = "{type: object, x-kubernetes-preserve-unknown-fields: true, properties: {a: {type: string}}}";

        assertThat(problems(schema, "{a: x, b: {c: [1, 2]}}")).isEmpty();
        assertThat(problems(schema, "{a: 1}")).containsExactly("a: expected a string, got 1");
    }

    @Test
    void namesTheIndexOfABadListItem() {
        String schema = "{type: array, items: {type: object, properties: {name: {type: string}}}}";

        assertThat(problems(schema, "[{name: a}, {nmae: b}]")).singleElement().asString()
                .isEqualTo("[1].nmae: unknown field, did you mean 'name'? (known: name)");
    }

    @Test
    void checksEnumsBoundsPatternsAndLengths() {
        String schema = "{type: object, properties: {"
                + "mode: {type: string, enum: [a, b]},"
                + "n: {type: integer, minimum: 1, maximum: 3},"
                + "s: {type: string, pattern: '^[a-z]+$', maxLength: 4},"
                + "l: {type: array, minItems: 1, items: {type: string}}}}";

        assertThat(problems(schema, "{mode: a, n: 2, s: abc, l: [x]}")).isEmpty();
        assertThat(problems(schema, "{mode: c, n: 4, s: Abcde, l: []}")).containsExactlyInAnyOrder(
                "mode: 'c' is not one of a, b",
                "n: 4 is above the maximum 3",
                "s: must be at most 4 characters long",
                "s: 'Abcde' does not match ^[a-z]+$",
                "l: needs at least 1 items, has 0");
    }

    @Test
    void treatsAnyOfAndOneOfAsValueValidations() {
        String anyOf = "{type: object, properties: {q: {anyOf: [{type: integer}, {type: string}]}}}";
        String oneOf = "{type: object, properties: {a: {type: string}, b: {type: string}},"
                + " oneOf: [{required: [a]}, {required: [b]}]}";

        assertThat(problems(anyOf, "{q: 1}")).isEmpty();
        assertThat(problems(anyOf, "{q: [1]}")).singleElement().asString()
                .startsWith("q: matches none of the allowed forms (anyOf)");
        assertThat(problems(oneOf, "{a: x}")).isEmpty();
        assertThat(problems(oneOf, "{a: x, b: y}"))
                .containsExactly("(root): matches more than one of the exclusive forms (oneOf)");
    }

    @Test
    void doesNotJudgeUnknownFieldsInsideValidationBranches() {
        String schema = "{type: object, properties: {a: {type: string}}, allOf: [{properties: {a: {minLength: 2}}}]}";

        assertThat(problems(schema, "{a: xy}")).isEmpty();
        assertThat(problems(schema, "{a: x}")).containsExactly("a: must be at least 2 characters long");
    }

    @Test
    void mergesACoreTypeWithTheFieldsAddedAtItsUse() {
        String schema = "{type: object, properties: {port: {x-mlgitops-core: Port, properties: {extra: {type: boolean}}}}}";

        assertThat(problems(schema, "{port: {containerPort: 80, name: http, extra: true}}")).isEmpty();
        assertThat(problems(schema, "{port: {name: http, other: 1}}")).containsExactlyInAnyOrder(
                "port.other: unknown field (known: containerPort, extra, name)",
                "port.containerPort: required field is missing");
    }

    private static List<String> problems(String schemaYaml, String valueYaml) {
        JsonNode core = KubeYaml.mapper().readTree(CORE);
        SchemaNode schema = new SchemaReader(core).read(KubeYaml.mapper().readTree(schemaYaml));
        return SchemaWalker.problems(schema, KubeYaml.mapper().readTree(valueYaml), "");
    }
}
