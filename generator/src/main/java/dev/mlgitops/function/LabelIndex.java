package dev.mlgitops.function;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import tools.jackson.databind.JsonNode;

/**
 * Labelled things (Services, pod groups) found by a selector without a scan of them all: a thing
 * matches only if it carries every pair the selector requires, so the things under one such pair
 * are the only candidates. With one Service and one ServiceMonitor per served model, a scan per
 * selector grows with the square of the models. Results keep the things' own order.
 */
final class LabelIndex<T> {

    private final List<T> values = new ArrayList<>();
    private final List<Map<String, String>> labels = new ArrayList<>();
    private final Map<String, List<Integer>> byPair = new HashMap<>();

    void add(T value, Map<String, String> valueLabels) {
        int index = values.size();
        values.add(value);
        labels.add(valueLabels);
        valueLabels.forEach((key, label) -> byPair.computeIfAbsent(key + "=" + label, k -> new ArrayList<>()).add(index));
    }

    /** What a label selector (matchLabels and matchExpressions) selects. */
    List<T> selectedBy(JsonNode selector) {
        return filter(candidates(selector.path("matchLabels")), index -> Selector.matches(selector, labels.get(index)));
    }

    /** What a plain map selector (a Service's {@code spec.selector}: every pair present) selects. */
    List<T> selectedByMap(JsonNode selector) {
        return filter(candidates(selector), index -> Selector.matchesMap(selector, labels.get(index)));
    }

    private Iterable<Integer> candidates(JsonNode pairs) {
        var first = pairs.properties().iterator();
        if (!first.hasNext()) {
            List<Integer> all = new ArrayList<>();
            for (int index = 0; index < values.size(); index++) {
                all.add(index);
            }
            return all;
        }
        var pair = first.next();
        return new TreeSet<>(byPair.getOrDefault(pair.getKey() + "=" + pair.getValue().asString(""), List.of()));
    }

    private List<T> filter(Iterable<Integer> candidates, IntPredicate matches) {
        List<T> found = new ArrayList<>();
        for (int index : candidates) {
            if (matches.test(index)) {
                found.add(values.get(index));
            }
        }
        return found;
    }
}
