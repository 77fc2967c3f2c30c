package dev.mlgitops.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;

/** The items of a stage that one engine renders (training and serving choose it per item), in file order. */
final class ByEngine {

    private ByEngine() {
    }

    static <T> Map<String, T> of(Map<String, T> items, Function<T, String> engineOf, String engine) {
        Map<String, T> mine = new LinkedHashMap<>();
        items.forEach((name, item) -> {
            if (engine.equals(engineOf.apply(item))) {
                mine.put(name, item);
            }
        });
        return mine;
    }

    static Map<String, Spec.ServingModel> served(RenderContext context, String engine) {
        return of(context.spec().serving(), Spec.ServingModel::engine, engine);
    }

    static String servedSource(String model) {
        return "/serving/" + Locator.escape(model);
    }
}
