package dev.mlgitops.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mlgitops.model.Target;
import dev.mlgitops.typed.ObjectKey;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One environment's overlay of one stage, computed from the difference between the base and the
 * environment: objects the base lacks become files of the overlay, objects the environment lacks
 * become {@code $patch: delete} patches, and objects that differ become JSON patches.
 *
 * <p>Kustomize applies an overlay's patches before its namespace and label transformers (checked
 * with kubectl), and those transformers act on the overlay's whole output as they would on the
 * environment's own objects. So the patches are computed between the bare base and environment
 * objects, and an object needs one exactly when its bare versions differ.
 *
 * @param base the stage's base objects by file name; empty when the stage has no base
 * @param environment the environment's objects of the stage by file name (as rendered, not placed)
 */
record OverlayBuilder(Target target, SortedMap<String, TypedObject> base, SortedMap<String, TypedObject> environment) {

    /**
     * The overlay's files by name: its kustomization.yaml and the objects only this environment has.
     * The release's pins come after the difference's patches: kustomize applies patches in order,
     * and its images transformer after all of them.
     */
    SortedMap<String, ObjectNode> files(Optional<String> basePath, ReleasePins.StagePins pins) {
        SortedMap<String, ObjectNode> files = new TreeMap<>();
        List<String> resources = new ArrayList<>();
        basePath.ifPresent(resources::add);
        ArrayNode patches = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<String, TypedObject> entry : base.entrySet()) {
            TypedObject inBase = entry.getValue();
            TypedObject inEnvironment = environment.get(entry.getKey());
            if (inEnvironment == null || !inEnvironment.key().equals(inBase.key())) {
                patches.add(deletion(inBase.key()));
            } else if (!inBase.manifest().equals(inEnvironment.manifest())) {
                patches.add(jsonPatch(inBase.key(), JsonPatchDiff.diff(inBase.manifest(), inEnvironment.manifest())));
            }
        }
        for (Map.Entry<String, TypedObject> entry : environment.entrySet()) {
            TypedObject inBase = base.get(entry.getKey());
            if (inBase == null || !inBase.key().equals(entry.getValue().key())) {
                files.put(entry.getKey(), entry.getValue().manifest());
                resources.add(entry.getKey());
            }
        }
        pins.patches().forEach(patches::add);
        files.put("kustomization.yaml", Kustomizations.overlay(target, resources, patches, pins.images()));
        return files;
    }

    /** A strategic-merge patch that removes the base object from this environment. */
    private static ObjectNode deletion(ObjectKey key) {
        ObjectNode object = KubeYaml.newObject();
        object.put("$patch", "delete");
        object.put("apiVersion", key.apiVersion());
        object.put("kind", key.kind());
        object.putObject("metadata").put("name", key.name());
        ObjectNode patch = KubeYaml.newObject();
        patch.put("patch", KubeYaml.write(object));
        return patch;
    }

    static ObjectNode jsonPatch(ObjectKey key, ArrayNode operations) {
        ObjectNode patch = KubeYaml.newObject();
        ObjectNode target = patch.putObject("target");
        target.put("group", key.group());
        target.put("version", key.version());
        target.put("kind", key.kind());
        // kustomize reads the name as an anchored regular expression; a dot must match only itself
        target.put("name", key.name().replace(".", "\\."));
        patch.put("patch", KubeYaml.write(operations));
        return patch;
    }
}
