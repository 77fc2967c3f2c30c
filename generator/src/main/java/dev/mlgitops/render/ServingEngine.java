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

    /** The metrics on a cluster with these facts; the same everywhere unless the engine's names depend on a version. */
    default Metrics metrics(Spec.Cluster cluster) {
        return metrics();
    }

    @Override
    ProductionFacts production();
}
