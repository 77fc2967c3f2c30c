package dev.mlgitops.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mlgitops.load.SourceMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7386) that remembers where each patched value came from, so a finding
 * about a merged spec can point at the override that caused it rather than at the spec.
 */
final class MergePatch {

    private MergePatch() {
    }

    /**
     * A merged tree and the origin of every subtree the patch replaced.
     *
     * @param patchedFrom merged pointer → pointer of the patch value that replaced it there
     */
    record Merged(ObjectNode tree, Map<String, String> patchedFrom) {

        /**
         * The pointer in the source file that produced {@code mergedPointer}: inside an override
         * when the patch set that value (or an ancestor), else {@code basePointer + mergedPointer}.
         */
        String origin(String mergedPointer, String basePointer) {
            String prefix = mergedPointer;
            while (true) {
                String patch = patchedFrom.get(prefix);
                if (patch != null) {
                    return patch + mergedPointer.substring(prefix.length());
                }
                if (prefix.isEmpty()) {
                    return basePointer + mergedPointer;
                }
                int slash = prefix.lastIndexOf('/');
                prefix = slash <= 0 ? "" : prefix.substring(0, slash);
            }
        }
    }

    /**
     * Applies {@code patch} (found in the file at {@code patchPointer}) to a copy of {@code target}.
     */
    static Merged apply(ObjectNode target, JsonNode patch, String patchPointer) {
        Map<String, String> origins = new TreeMap<>();
        ObjectNode merged = target.deepCopy();
        if (patch instanceof ObjectNode patchObject) {
            mergeInto(merged, patchObject, "", patchPointer, origins);
        }
        return new Merged(merged, origins);
    }

    private static void mergeInto(ObjectNode target, ObjectNode patch, String pointer, String patchPointer,
                                  Map<String, String> origins) {
        List<String> names = new ArrayList<>();
        patch.propertyNames().forEach(names::add);
        for (String name : names) {
            JsonNode value = patch.get(name);
            String childPointer = pointer + "/" + SourceMap.escape(name);
            String childPatchPointer = patchPointer + "/" + SourceMap.escape(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value instanceof ObjectNode patchObject) {
                JsonNode existing = target.get(name);
                ObjectNode child = existing instanceof ObjectNode object ? object : target.putObject(name);
                if (!(existing instanceof ObjectNode)) {
                    origins.put(childPointer, childPatchPointer);
                }
                mergeInto(child, patchObject, childPointer, childPatchPointer, origins);
            } else {
                target.set(name, value.deepCopy());
                origins.put(childPointer, childPatchPointer);
            }
        }
    }
}
