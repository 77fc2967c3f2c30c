package dev.mlgitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mlgitops.model.ResolvedEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every container of every engine that runs non-root on a read-only root filesystem has HOME, and
 * it names a path the container has mounted (so it is writable): tools that write under ~ fail otherwise.
 */
class HomeEnvironmentTest {

    @Test
    void everyContainerOfEveryEngineHasAHomeItCanWriteTo() {
        List<String> checked = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (Rendering rendering : List.of(Rendering.of(ReferenceProject.prod()), Rendering.of(withKubernetesJob()))) {
            assertThat(rendering.errors()).isEmpty();
            for (Map.Entry<String, ObjectNode> object : rendering.byName().entrySet()) {
                List<JsonNode> containers = new ArrayList<>();
                collect(object.getValue(), containers);
                for (JsonNode container : containers) {
                    if (!container.at("/securityContext/readOnlyRootFilesystem").asBoolean(false)) {
                        continue;
                    }
                    String where = object.getKey() + " container " + container.path("name").asString("(unnamed)");
                    List<String> homes = new ArrayList<>();
                    container.path("env").forEach(env -> {
                        if (env.path("name").asString("").equals("HOME")) {
                            homes.add(env.path("value").asString(""));
                        }
                    });
                    List<String> mounts = new ArrayList<>();
                    container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("mountPath").asString("")));
                    assertThat(homes).as(where).hasSize(1);
                    assertThat(mounts).as(where + ": HOME is a mounted, writable path").contains(homes.get(0));
                    checked.add(where);
                    kinds.add(object.getKey().substring(0, object.getKey().indexOf('/')));
                }
            }
        }

        assertThat(kinds).contains("Deployment", "StatefulSet", "CronJob", "WorkflowTemplate", "PyTorchJob",
                "InferenceService", "Job");
        assertThat(checked).contains("Deployment/fraud-detection-mlflow container mlflow",
                "Deployment/fraud-detection-assistant container server",
                "InferenceService/fraud-detection-scorer container (unnamed)",
                "StatefulSet/fraud-detection-alice container jupyter");
    }

    @Test
    void aHomeTheSpecGivesIsKeptAndNotDoubled() {
        Rendering rendering = Rendering.of(ReferenceProject.edited(spec -> {
            ((ObjectNode) spec.at("/serving/explainer/env")).put("HOME", "/data");
            return spec;
        }));

        List<String> homes = new ArrayList<>();
        rendering.get("Deployment/fraud-detection-explainer").at("/spec/template/spec/containers/0/env").forEach(env -> {
            if (env.path("name").asString("").equals("HOME")) {
                homes.add(env.path("value").asString(""));
            }
        });
        assertThat(homes).containsExactly("/data");
    }

    /** Containers: the items of containers and initContainers, Argo's container and script, KServe's model. */
    private static void collect(JsonNode node, List<JsonNode> found) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, found));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if ((key.equals("containers") || key.equals("initContainers")) && field.getValue().isArray()) {
                field.getValue().forEach(found::add);
            } else if ((key.equals("container") || key.equals("script") || key.equals("model")) && field.getValue().isObject()
                    && field.getValue().has("securityContext")) {
                found.add(field.getValue());
            }
            collect(field.getValue(), found);
        }
    }

    private static ResolvedEnvironment withKubernetesJob() {
        return new ResolvedEnvironment(ReferenceProject.metadata(), ReferenceProject.spec(spec -> {
            ObjectNode nightly = (ObjectNode) spec.at("/training/nightly");
            nightly.put("engine", "kubernetes-job");
            nightly.remove("schedule");
            return spec;
        }), Optional.of(ReferenceProject.PROD));
    }
}
