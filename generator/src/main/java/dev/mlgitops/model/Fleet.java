package dev.mlgitops.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The clusters of an environment that runs on several ({@code environments.<env>.clusters}):
 * either a list of clusters, or a label selector of Argo CD cluster secrets. Each stage of such
 * an environment becomes one Argo CD ApplicationSet that fans out to the fleet.
 *
 * @param members the listed clusters, in rollout order; empty for a selector
 * @param matchLabels the labels of the selected cluster secrets; empty for a list
 * @param waves with a selector and a progressive rollout, the values of the cluster secrets'
 *              {@value #WAVE_LABEL} label, in rollout order
 * @param progressive {@code rollout: progressive}: one wave after another (Argo CD's RollingSync)
 */
public record Fleet(List<Member> members, Map<String, String> matchLabels, List<String> waves, boolean progressive) {

    /** The label that orders a progressive rollout: on the generated Applications, and on a selector's cluster secrets. */
    public static final String WAVE_LABEL = "mlgitops.dev/wave";

    public Fleet {
        members = List.copyOf(members);
        matchLabels = Collections.unmodifiableMap(new LinkedHashMap<>(matchLabels));
        waves = List.copyOf(waves);
    }

    /**
     * One listed cluster.
     *
     * @param server the API server's https URL; null when {@code name} is an Argo CD cluster secret's name
     */
    public record Member(String name, String server) {
        public Optional<String> serverUrl() {
            return Optional.ofNullable(server);
        }
    }

    /** Binds {@code clusters} as the schema allows it: a list of names and {name, server}, or {matchLabels, waves}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Fleet of(Object clusters) {
        if (clusters instanceof List<?> list) {
            List<Member> members = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    members.add(new Member(text(map.get("name")), text(map.get("server"))));
                } else {
                    members.add(new Member(text(item), null));
                }
            }
            return new Fleet(members, Map.of(), List.of(), false);
        }
        if (clusters instanceof Map<?, ?> selector) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (selector.get("matchLabels") instanceof Map<?, ?> match) {
                match.forEach((key, value) -> labels.put(text(key), text(value)));
            }
            List<String> waves = new ArrayList<>();
            if (selector.get("waves") instanceof List<?> list) {
                list.forEach(wave -> waves.add(text(wave)));
            }
            return new Fleet(List.of(), labels, waves, false);
        }
        throw new IllegalArgumentException("clusters must be a list or a selector, found " + clusters);
    }

    /** This fleet rolled out as {@code rollout} says ({@code progressive} or, by default, {@code parallel}). */
    public Fleet withRollout(String rollout) {
        return new Fleet(members, matchLabels, waves, "progressive".equals(rollout));
    }

    /** Whether the clusters are found by a label selector rather than listed. */
    public boolean selects() {
        return members.isEmpty();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
