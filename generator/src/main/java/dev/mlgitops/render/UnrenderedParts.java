package dev.mlgitops.render;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * Says which parts of a spec no engine renders yet, one warning per stage (per served model for
 * serving, whose engine is chosen per model), so a user never wonders where objects went.
 */
final class UnrenderedParts {

    /** Each stage with its key under {@code spec} and whether the spec has it. */
    private record StageSection(Stage stage, String key, Function<Spec, Boolean> present) {}

    private static final List<StageSection> SECTIONS = List.of(
            new StageSection(Stage.FEATURE_STORE, "featureStore", s -> s.featureStore() != null),
            new StageSection(Stage.MODEL_REGISTRY, "modelRegistry", s -> s.modelRegistry() != null),
            new StageSection(Stage.TRAINING, "training", s -> !s.training().isEmpty()),
            new StageSection(Stage.NOTEBOOKS, "notebooks", s -> !s.notebooks().isEmpty()),
            new StageSection(Stage.SERVING, "serving", s -> !s.serving().isEmpty()),
            new StageSection(Stage.MONITORING, "monitoring", s -> s.monitoring() != null));

    private final List<Engine> engines;

    UnrenderedParts(List<Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    void report(ResolvedEnvironment environment, Findings findings) {
        Spec spec = environment.spec();
        Locator locator = environment.locator();
        for (StageSection section : SECTIONS) {
            if (!section.present().apply(spec)) {
                continue;
            }
            if (section.stage() == Stage.SERVING) {
                reportServing(spec.serving(), locator, findings);
            } else if (engines.stream().noneMatch(e -> e.stage() == section.stage())) {
                findings.add(locator.finding(Code.RENDER_UNSUPPORTED, "/" + section.key(),
                        Code.RENDER_UNSUPPORTED.message("stage " + section.stage().folder())));
            }
        }
    }

    private void reportServing(Map<String, Spec.ServingModel> serving, Locator locator, Findings findings) {
        serving.forEach((model, item) -> {
            boolean rendered = engines.stream()
                    .anyMatch(e -> e.stage() == Stage.SERVING && e.name().equals(item.engine()));
            if (!rendered) {
                findings.add(locator.finding(Code.RENDER_UNSUPPORTED, "/serving/" + Locator.escape(model) + "/engine",
                        Code.RENDER_UNSUPPORTED.message("serving engine '" + item.engine() + "' (model '" + model + "')")));
            }
        });
    }
}
