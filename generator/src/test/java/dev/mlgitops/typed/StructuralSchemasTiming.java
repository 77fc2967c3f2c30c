package dev.mlgitops.typed;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import tools.jackson.databind.JsonNode;

/**
 * A measurement, not a test: how long loading every shipped schema takes, and checking 1,000
 * rendered objects. Run with
 * {@code mvn -o -q test -Dtest=StructuralSchemasTiming -Dmlgitops.timing=true}.
 */
class StructuralSchemasTiming {

    private static final List<String> KINDS = List.of("WorkflowTemplate", "CronWorkflow", "PyTorchJob",
            "InferenceService", "ServiceMonitor", "PrometheusRule", "ExternalSecret", "Application", "AppProject");

    @Test
    @EnabledIfSystemProperty(named = "mlgitops.timing", matches = "true")
    void measureLoadingAndChecking() {
        List<JsonNode> examples = KINDS.stream().map(kind -> StructuralSchemasTest.example(kind, "valid.yaml")).toList();

        long start = System.nanoTime();
        StructuralSchemas schemas = new StructuralSchemas(getClass().getClassLoader(), "mlgitops/schemas/crds/");
        examples.forEach(object -> check(schemas, object));
        long loaded = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            long begin = System.nanoTime();
            int problems = 0;
            for (int i = 0; i < 1000; i++) {
                problems += check(schemas, examples.get(i % examples.size())).size();
            }
            System.out.printf("round %d: 1000 objects checked in %.1f ms (%d problems)%n",
                    round, (System.nanoTime() - begin) / 1e6, problems);
        }
        System.out.printf("loading all %d schemas (and checking one object each): %.1f ms%n",
                KINDS.size(), (loaded - start) / 1e6);
    }

    private static List<String> check(StructuralSchemas schemas, JsonNode object) {
        return schemas.problems(object.get("apiVersion").asString(), object.get("kind").asString(), object)
                .orElseThrow();
    }
}
