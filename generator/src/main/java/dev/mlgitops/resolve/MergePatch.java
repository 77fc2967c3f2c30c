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

    private final Map<String, String> origins;
    private final List<String> removedNothing;

    private MergePatch(Map<String, String> origins, List<String> removedNothing) {
        this.origins = origins;
        this.removedNothing = removedNothing;
    }

    /**
     * A merged tree and the origin of every subtree the patch replaced.
     *
     * @param patchedFrom merged pointer → pointer of the patch value that replaced it there
     * @param removedNothing merged pointers where the patch removed a key that was not there
     */
    record Merged(ObjectNode tree, Map<String, String> patchedFrom, List<String> removedNothing) {

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

    /** Whether a pointer of the file lies inside an environment's overrides. */
    static boolean isInsideOverrides(String sourcePointer) {
        return sourcePointer.matches("/spec/environments/[^/]+/overrides(/.*)?");
    }

    /**
     * Applies {@code patch} (found in the file at {@code patchPointer}) to a copy of {@code target}.
     */
    static Merged apply(ObjectNode target, JsonNode patch, String patchPointer) {
        Map<String, String> origins = new TreeMap<>();
        List<String> removedNothing = new ArrayList<>();
        ObjectNode merged = target.deepCopy();
        if (patch instanceof ObjectNode patchObject) {
            new MergePatch(origins, removedNothing).mergeInto(merged, patchObject, "", patchPointer);
        }
        return new Merged(merged, origins, List.copyOf(removedNothing));
    }

    private void mergeInto(ObjectNode target, ObjectNode patch, String pointer, String patchPointer) {
        List<String> names = new ArrayList<>();
        patch.propertyNames().forEach(names::add);
        for (String name : names) {
            JsonNode value = patch.get(name);
            String childPointer = pointer + "/" + SourceMap.escape(name);
            String childPatchPointer = patchPointer + "/" + SourceMap.escape(name);
            if (value.isNull()) {
                if (target.remove(name) == null) {
                    removedNothing.add(childPointer);
                    // so a finding about the no-op points at the override and names its environment
                    origins.put(childPointer, childPatchPointer);
                }
            } else if (value instanceof ObjectNode patchObject) {
                JsonNode existing = target.get(name);
                ObjectNode child = existing instanceof ObjectNode object ? object : target.putObject(name);
                if (!(existing instanceof ObjectNode)) {
                    origins.put(childPointer, childPatchPointer);
                }
                mergeInto(child, patchObject, childPointer, childPatchPointer);
            } else {
                target.set(name, value.deepCopy());
                origins.put(childPointer, childPatchPointer);
            }
        }
    }
}
