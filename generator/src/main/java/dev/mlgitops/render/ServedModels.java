package dev.mlgitops.render;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;

/** The served models of one serving engine (the engine is chosen per model), in file order. */
final class ServedModels {

    private ServedModels() {
    }

    static Map<String, Spec.ServingModel> of(Project project, String engine) {
        Map<String, Spec.ServingModel> mine = new LinkedHashMap<>();
        project.spec().serving().forEach((model, serving) -> {
            if (engine.equals(serving.engine())) {
                mine.put(model, serving);
            }
        });
        return mine;
    }

    static String source(String model) {
        return "/serving/" + Locator.escape(model);
    }
}
