package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A user's string reaches the YAML as one scalar, exactly, whatever it holds. */
class YamlEscapingTest {

    static List<String> hostile() {
        return List.of(
                "line one\nline two: injected\n---\napiVersion: v1\nkind: Secret",
                "key: value",
                "# not a comment",
                "value # trailing comment",
                "\"double\" and 'single' quotes",
                "{{ .Values.password }}",
                "${project} and ${model.name}",
                "<#list 1..3 as i>${i}</#list><@y.map labels/>",
                "!!binary aGVsbG8=",
                "&anchor value",
                "*alias",
                "- a list item",
                "? a complex key",
                "| block\n  scalar",
                "> folded",
                "[flow, sequence]",
                "{flow: mapping}",
                "@reserved `backtick`",
                "%YAML 1.2",
                "back\\slash \\n not a newline",
                "tab\there, carriage\rreturn, bell\u0007, escape\u001b, delete\u007f",
                "unicode äöü ß 日本語 Ωμέγα 😀 \u00a0nbsp",
                "yaml 1.1 breaks: next\u0085line, line\u2028separator, paragraph\u2029separator, bom\ufeff",
                "true", "no", "null", "~", "123", "0x1F", "1e3", "0.02",
                "",
                "  leading and trailing spaces  ");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void quotedValueReadsBackExactly(String value) {
        JsonNode read = KubeYaml.mapper().readTree("value: " + YamlOutputFormat.quote(value) + "\n");

        assertThat(read.properties()).hasSize(1);
        assertThat(read.get("value").isString()).isTrue();
        assertThat(read.get("value").asString()).isEqualTo(value);
    }

    @Test
    void hostileSpecValuesArriveExactlyAndCreateNoKeyOrDocument() {
        List<String> values = hostile();
        Rendering plain = Rendering.of(ReferenceProject.base());
        Rendering hostile = Rendering.of(ReferenceProject.edited(spec -> {
            ObjectNode explainer = RendererTest.explainer(spec);
            ArrayNode args = explainer.putArray("args");
            values.forEach(args::add);
            ObjectNode env = explainer.putObject("env");
            for (int i = 0; i < values.size(); i++) {
                env.put("V" + i, values.get(i));
            }
            env.put("KEY: injected\n#", "value");
            explainer.putObject("health").put("liveness", values.get(0)).put("readiness", values.get(7));
            ((ObjectNode) spec.at("/tenancy/access")).putArray("viewers").add("user:" + values.get(0));
            return spec;
        }));

        assertThat(hostile.errors()).isEmpty();
        assertThat(hostile.byName().keySet()).isEqualTo(plain.byName().keySet());
        JsonNode container = hostile.get("Deployment/fraud-detection-explainer").at("/spec/template/spec/containers/0");
        List<String> args = new ArrayList<>();
        container.get("args").forEach(arg -> args.add(arg.asString()));
        assertThat(args).isEqualTo(values);
        for (int i = 0; i < values.size(); i++) {
            // after HOME and the two stores' addresses
            assertThat(container.at("/env/" + (i + 3) + "/name").asString()).isEqualTo("V" + i);
            assertThat(container.at("/env/" + (i + 3) + "/value").asString()).isEqualTo(values.get(i));
        }
        assertThat(container.at("/env/" + (values.size() + 3) + "/name").asString()).isEqualTo("KEY: injected\n#");
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo(values.get(0));
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo(values.get(7));
        assertThat(hostile.get("RoleBinding/fraud-detection-viewers").at("/subjects/0/name").asString()).isEqualTo(values.get(0));
        // same shape as without the hostile values: no key was added anywhere
        hostile.byName().forEach((name, object) -> assertThat(fieldNames(object))
                .as(name).isEqualTo(fieldNames(plain.get(name))));
    }

    @Test
    void hostileValuesInTrainingStepsAndServedModelsArriveExactly() {
        List<String> values = hostile();
        // the scorer from stored files (the reference serves it from the registry), so storageUri carries a value
        Rendering plain = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/scorer/model")).put("storageUri", "s3://risk-ml/models/fraud-classifier/3")
                    .remove("registered");
            return spec;
        }));
        Rendering hostile = Rendering.of(ReferenceProject.edited(spec -> {
            ObjectNode train = (ObjectNode) spec.at("/training/nightly/steps/train");
            ArrayNode command = train.putArray("command");
            values.forEach(command::add);
            ObjectNode env = train.putObject("env");
            for (int i = 0; i < values.size(); i++) {
                env.put("V" + i, values.get(i));
            }
            ((ObjectNode) spec.at("/training/nightly")).put("registerModel", values.get(0));
            ((ObjectNode) spec.at("/serving/scorer/model")).put("storageUri", values.get(7)).put("format", values.get(5))
                    .remove("registered");
            return spec;
        }));

        assertThat(hostile.errors()).isEmpty();
        assertThat(hostile.byName().keySet()).isEqualTo(plain.byName().keySet());
        JsonNode container = hostile.get("WorkflowTemplate/fraud-detection-nightly").at("/spec/templates/2/container");
        List<String> command = new ArrayList<>();
        container.get("command").forEach(arg -> command.add(arg.asString()));
        assertThat(command).isEqualTo(values);
        // HOME, MLGITOPS_RUN, the pipeline's 8 inputs (release, 5 dataset fields, the list, the run context) and the
        // two addresses come first, then the step's own
        for (int i = 0; i < values.size(); i++) {
            assertThat(container.at("/env/" + (i + 12) + "/value").asString()).isEqualTo(values.get(i));
        }
        assertThat(hostile.get("WorkflowTemplate/fraud-detection-nightly").at("/spec/templates/4/script/env/10/value").asString())
                .isEqualTo(values.get(0));
        JsonNode model = hostile.get("InferenceService/fraud-detection-scorer").at("/spec/predictor/model");
        assertThat(model.get("storageUri").asString()).isEqualTo(values.get(7));
        assertThat(model.at("/modelFormat/name").asString()).isEqualTo(values.get(5));
        hostile.byName().forEach((name, object) -> assertThat(fieldNames(object))
                .as(name).isEqualTo(fieldNames(plain.get(name))));
    }

    @Test
    void hostileLabelsAndProjectValuesStayValues() {
        String evil = "cc\n---\nkind: Secret # x";
        Rendering rendering = Rendering.of(new dev.mlgitops.model.ResolvedEnvironment(
                new dev.mlgitops.model.ProjectMetadata("fraud-detection", "risk: ml\n- x",
                        "d", java.util.Map.of("cost-center", evil)),
                ReferenceProject.spec(spec -> spec), java.util.Optional.empty()));

        assertThat(rendering.errors()).isEmpty();
        rendering.objects().forEach(o -> {
            assertThat(o.manifest().at("/metadata/labels/cost-center").asString()).isEqualTo(evil);
            assertThat(o.manifest().at("/metadata/labels/mlgitops.dev~1team").asString()).isEqualTo("risk: ml\n- x");
        });
    }

    /** Every field path of a tree, values left out: equal shapes have equal sets. */
    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, "", names);
        return names;
    }

    private static void collect(JsonNode node, String path, List<String> names) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                // env entries, args and commands are where the values went in; their count is checked above
                if (!e.getKey().equals("env") && !e.getKey().equals("args") && !e.getKey().equals("command")) {
                    names.add(path + "/" + e.getKey());
                    collect(e.getValue(), path + "/" + e.getKey(), names);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, names);
            }
        }
    }
}
