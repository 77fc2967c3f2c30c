package dev.mlgitops.render;

import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * An engine of the serving stage: besides what every engine declares, the metrics its model
 * server exposes (read by the monitoring stage) and the facts the production serving rules check
 * its objects by.
 */
public interface ServingEngine extends Engine {

    @Override
    default Stage stage() {
        return Stage.SERVING;
    }

    /** The port a served model's server listens on (the spec's {@code port}, or the engine's default). */
    int port(Spec.ServingModel serving);

    Metrics metrics();

    @Override
    ProductionFacts production();
}
