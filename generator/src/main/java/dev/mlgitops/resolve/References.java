package dev.mlgitops.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.finding.Suggestions;
import dev.mlgitops.load.SourceMap;
import dev.mlgitops.model.ServingFields;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.TrainingFields;

/**
 * Finds every image key, secret name and dataset name a spec uses, with the pointer of the use,
 * and reports those that name nothing defined (a dataset with the closest defined name).
 */
final class References {

    /** One use of a name, at a JSON pointer relative to {@code spec}. */
    record Use(String pointer, String name) {
    }

    /** Reports a dangling reference at a pointer relative to {@code spec}. */
    interface Sink {
        void report(Code code, String pointer, String message);
    }

    private References() {
    }

    static void check(Spec spec, Sink sink) {
        Set<String> images = spec.images().keySet();
        for (Use use : imageUses(spec)) {
            if (!images.contains(use.name())) {
                sink.report(Code.REF_IMAGE, use.pointer(), Code.REF_IMAGE.message(use.name(), known(images)));
            }
        }
        Set<String> secrets = spec.secrets() == null ? Set.of() : spec.secrets().entries().keySet();
        for (Use use : secretUses(spec)) {
            if (!secrets.contains(use.name())) {
                sink.report(Code.REF_SECRET, use.pointer(), Code.REF_SECRET.message(use.name(), known(secrets)));
            }
        }
        Set<String> datasets = spec.datasets().keySet();
        for (Use use : datasetUses(spec)) {
            if (!datasets.contains(use.name())) {
                String hint = Suggestions.closest(use.name(), datasets)
                        .map(closest -> " (did you mean '" + Shown.value(closest) + "'?)").orElse("");
                sink.report(Code.REF_DATASET, use.pointer(),
                        Code.REF_DATASET.message(use.name(), new Shown.Text(hint), known(datasets)));
            }
        }
    }

    static List<Use> datasetUses(Spec spec) {
        List<Use> uses = new ArrayList<>();
        spec.training().forEach((job, training) -> {
            for (int i = 0; i < training.datasets().size(); i++) {
                add(uses, pointer("training", job, "datasets") + "/" + i, training.datasets().get(i));
            }
        });
        if (spec.monitoring() != null) {
            spec.monitoring().quality().forEach((model, quality) -> {
                if (quality.accuracy() != null) {
                    add(uses, pointer("monitoring", "quality", model, "accuracy", "groundTruth"),
                            quality.accuracy().groundTruth());
                }
            });
        }
        return uses;
    }

    static List<Use> imageUses(Spec spec) {
        List<Use> uses = new ArrayList<>();
        spec.notebooks().forEach((name, notebook) ->
                add(uses, pointer("notebooks", name, "image"), notebook.image()));
        spec.training().forEach((job, training) -> {
            if (training.own() instanceof TrainingFields.PyTorchJob distributed) {
                add(uses, pointer("training", job, "image"), distributed.image());
            }
            TrainingFields.Steps.of(training).forEach((step, s) ->
                    add(uses, pointer("training", job, "steps", step, "image"), s.image()));
        });
        spec.serving().forEach((name, model) -> {
            if (model.own() instanceof ServingFields.Container container) {
                add(uses, pointer("serving", name, "image"), container.image());
            }
        });
        if (spec.featureStore() != null) {
            add(uses, "/featureStore/image", spec.featureStore().image());
        }
        if (spec.modelRegistry() != null) {
            add(uses, "/modelRegistry/image", spec.modelRegistry().image());
        }
        if (spec.identity() != null) {
            add(uses, "/identity/image", spec.identity().image());
        }
        if (spec.monitoring() != null) {
            spec.monitoring().quality().forEach((model, quality) ->
                    add(uses, pointer("monitoring", "quality", model, "detector", "image"), quality.detector().image()));
        }
        return uses;
    }

    static List<Use> secretUses(Spec spec) {
        List<Use> uses = new ArrayList<>();
        if (spec.featureStore() != null && spec.featureStore().onlineStore() != null) {
            add(uses, "/featureStore/onlineStore/secret", spec.featureStore().onlineStore().secret());
        }
        if (spec.modelRegistry() != null && spec.modelRegistry().backendStore() != null) {
            add(uses, "/modelRegistry/backendStore/secret", spec.modelRegistry().backendStore().secret());
        }
        spec.training().forEach((job, training) -> {
            for (int i = 0; i < training.secrets().size(); i++) {
                add(uses, pointer("training", job, "secrets") + "/" + i, training.secrets().get(i));
            }
        });
        spec.serving().forEach((name, model) -> {
            if (model.own() instanceof ServingFields.Container container) {
                container.secretEnv().forEach((variable, ref) ->
                        add(uses, pointer("serving", name, "secretEnv", variable, "secret"), ref.secret()));
            }
        });
        if (spec.identity() != null) {
            add(uses, "/identity/clientSecret/secret", spec.identity().clientSecret().secret());
            add(uses, "/identity/cookieSecret/secret", spec.identity().cookieSecret().secret());
        }
        return uses;
    }

    private static void add(List<Use> uses, String pointer, String name) {
        if (name != null) {
            uses.add(new Use(pointer, name));
        }
    }

    private static String pointer(String... tokens) {
        StringBuilder pointer = new StringBuilder();
        for (String token : tokens) {
            pointer.append('/').append(SourceMap.escape(token));
        }
        return pointer.toString();
    }

    private static Object known(Set<String> names) {
        return names.isEmpty() ? "(none)" : Shown.list(names.stream().sorted().toList());
    }
}
