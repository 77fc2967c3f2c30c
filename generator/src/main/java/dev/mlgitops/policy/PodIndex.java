package dev.mlgitops.policy;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.mlgitops.typed.TypedObject;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each manifest's pods, found once per run: every container rule asks for them, and environments
 * share most manifests (the typed step hands the same tree to every rendering of one text).
 */
final class PodIndex {

    private final Map<ObjectNode, List<Pod>> byManifest = new IdentityHashMap<>();

    List<Pod> pods(TypedObject object) {
        return byManifest.computeIfAbsent(object.manifest(), manifest -> PodSpecs.of(object.key().kind(), manifest));
    }
}
