package dev.mlgitops.policy;

import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Locator;
import dev.mlgitops.model.Spec;

/**
 * The spec item behind an object's source pointer, for its waivers. A pointer below an item
 * (a training step, {@code /training/nightly/steps/train}) belongs to the item.
 */
final class SpecItems {

    private SpecItems() {
    }

    static String serving(String name) {
        return "/serving/" + Locator.escape(name);
    }

    /** The served model whose objects include one with this source pointer; empty for objects of no served model. */
    static Optional<Spec.ServingModel> servedModel(Spec spec, String source) {
        String[] tokens = tokens(source);
        return tokens.length > 1 && "serving".equals(tokens[0])
                ? Optional.ofNullable(spec.serving().get(name(tokens))) : Optional.empty();
    }

    /** The model registry when an object came from it; empty for any other object. */
    static Optional<Spec.ModelRegistry> modelRegistry(Spec spec, String source) {
        String[] tokens = tokens(source);
        return tokens.length > 0 && "modelRegistry".equals(tokens[0]) ? Optional.ofNullable(spec.modelRegistry())
                : Optional.empty();
    }

    /** The waivers of the item that made an object, by rule id; empty for objects of no item. */
    static Map<String, String> waivers(Spec spec, String source) {
        String[] tokens = tokens(source);
        if (tokens.length == 0) {
            return Map.of();
        }
        String name = name(tokens);
        return switch (tokens[0]) {
            case "featureStore" -> spec.featureStore() == null ? Map.of() : spec.featureStore().waivers();
            case "modelRegistry" -> spec.modelRegistry() == null ? Map.of() : spec.modelRegistry().waivers();
            case "notebooks" -> spec.notebooks().containsKey(name) ? spec.notebooks().get(name).waivers() : Map.of();
            case "training" -> spec.training().containsKey(name) ? spec.training().get(name).waivers() : Map.of();
            case "serving" -> spec.serving().containsKey(name) ? spec.serving().get(name).waivers() : Map.of();
            default -> Map.of();
        };
    }

    /** The JSON pointer's tokens, still escaped. */
    private static String[] tokens(String source) {
        return source.isEmpty() ? new String[0] : source.substring(1).split("/", -1);
    }

    /** The item's name: the second token, unescaped; empty when there is none. */
    private static String name(String[] tokens) {
        return tokens.length > 1 ? tokens[1].replace("~1", "/").replace("~0", "~") : "";
    }
}
