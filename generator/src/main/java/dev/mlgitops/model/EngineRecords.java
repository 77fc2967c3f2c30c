package dev.mlgitops.model;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds an item's engine record: from the properties of the item's node that its stage's record
 * does not read, those that are components of the record its engine names. The others are
 * {@code unread}: fields of other engines (a {@code canary} on a deployment), which the schema
 * admits on every engine and the meaning checks report where they would mislead.
 */
public final class EngineRecords {

    /** The record, and the names of the properties written that neither it nor the stage's record reads, in file order. */
    record Bound<T>(T record, List<String> unread) {}

    /** The component names of each record class, read once. */
    private static final ClassValue<Set<String>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toUnmodifiableSet());
        }
    };

    private EngineRecords() {
    }

    /** The engines, in name order, whose record of {@code records} (an {@code OF_ENGINE} map) has the field {@code field}. */
    public static List<String> readers(String field, Map<String, ? extends Class<?>> records) {
        Set<String> engines = new TreeSet<>();
        records.forEach((engine, type) -> {
            if (COMPONENTS.get(type).contains(field)) {
                engines.add(engine);
            }
        });
        return List.copyOf(engines);
    }

    /** @throws IllegalArgumentException for an engine no record is named for (the schema's enum admits none such) */
    static <T> Bound<T> bind(String stage, String engine, Map<String, Class<? extends T>> records,
                             Map<String, JsonNode> rest) {
        Class<? extends T> type = records.get(engine);
        if (type == null) {
            throw new IllegalArgumentException("no " + stage + " engine '" + engine + "'");
        }
        Set<String> components = COMPONENTS.get(type);
        ObjectNode own = KubeYaml.newObject();
        List<String> unread = new ArrayList<>();
        (rest == null ? Map.<String, JsonNode>of() : rest).forEach((name, value) -> {
            if (components.contains(name)) {
                own.set(name, value);
            } else {
                unread.add(name);
            }
        });
        return new Bound<>(KubeYaml.mapper().treeToValue(own, type), List.copyOf(unread));
    }
}
