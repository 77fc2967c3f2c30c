package dev.mlgitops.render;

import java.util.List;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Stage;

/**
 * One way to render a stage: a blueprint folder and the class that feeds it. A new engine is one
 * more member here, one folder under {@code blueprints/} and one entry in {@link Renderer}'s list.
 */
sealed interface Engine permits TenancyBlueprint, FeastFeatureStore, MlflowRegistry, StepsTraining, PyTorchJobTraining,
        Notebooks, KServeServing, DeploymentServing, PrometheusMonitoring {

    Stage stage();

    /** The engine's name as the spec writes it ({@code engine: deployment}); the stage's folder when a stage has one engine. */
    String name();

    /** The blueprint folder under the root, e.g. {@code serving/deployment}. */
    String folder();

    /** The templates of the folder, in the order their documents are rendered. */
    List<String> templates();

    /**
     * The data models to render the templates with, one per rendering of the whole folder (one per
     * served model, say); empty when the spec has nothing for this engine. Problems of the spec
     * that only this engine sees go to {@code findings}.
     */
    List<ItemModel> models(RenderContext context, Findings findings);

    /** What this engine's workloads ask of the tenancy stage; nothing by default. */
    default TenancyNeeds needs(RenderContext context) {
        return TenancyNeeds.NONE;
    }
}
