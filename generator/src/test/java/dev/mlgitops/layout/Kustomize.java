package dev.mlgitops.layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.mlgitops.model.RunInputs;
import dev.mlgitops.release.Release;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs the real {@code kubectl kustomize} on a folder and parses what it prints. */
public final class Kustomize {

    private Kustomize() {
    }

    public static List<ObjectNode> build(Path folder) {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", folder.toString()).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl not found on PATH: install kubectl (it bundles kustomize)", e);
        }
        try {
            process.getOutputStream().close();
            var stderr = process.getErrorStream();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + folder.getFileName() + " failed:\n" + err);
            }
            if (!err.isBlank()) {
                throw new AssertionError("kubectl kustomize " + folder.getFileName() + " warned:\n" + err);
            }
            List<ObjectNode> objects = new ArrayList<>();
            try (var parser = KubeYaml.mapper().createParser(out)) {
                for (var documents = KubeYaml.mapper().readValues(parser, JsonNode.class); documents.hasNext();) {
                    JsonNode document = documents.next();
                    if (document instanceof ObjectNode object) {
                        objects.add(object);
                    }
                }
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError("reading kubectl's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The environment's rendering as its overlay must build it: the same objects, save that a
     * pipeline's inputs ConfigMap holds the release id the overlay pins (the base, and so a
     * rendering, says {@code unreleased}), read from the tree's {@code overlays/<env>/release.yaml}.
     */
    public static List<ObjectNode> withPinnedRelease(List<ObjectNode> rendered, OutputTree tree, String environment) {
        String path = Release.path(environment);
        String id = Release.parse(path, tree.files().get(path)).id();
        List<ObjectNode> pinned = new ArrayList<>();
        for (ObjectNode object : rendered) {
            ObjectNode copy = object.deepCopy();
            if (copy.path("kind").asString().equals("ConfigMap") && copy.path("data").has(RunInputs.RELEASE)) {
                ((ObjectNode) copy.get("data")).put(RunInputs.RELEASE, id);
            }
            pinned.add(copy);
        }
        return pinned;
    }
}
