package dev.mlgitops.render;

import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Stage;

/**
 * One way to render a stage: a blueprint folder and the one class that describes and feeds it.
 * The class says the engine's stage and name, its own spec record, its folder and templates, how
 * the spec's items become the templates' data models, what its workloads ask of tenancy, and its
 * runtime contract; a serving engine ({@link ServingEngine}) also its metrics and its production
 * facts. {@link Engines} lists every engine, and the renderer, tenancy, monitoring and the
 * production serving rules find engines only there.
 *
 * <p>Adding an engine takes:
 * <ol>
 * <li>a folder {@code blueprints/<stage>/<name>/} with its templates;</li>
 * <li>one class implementing this interface (or {@link ServingEngine}), with its runtime contract
 * and, for kinds a plain cluster does not serve, its {@link #requirements};</li>
 * <li>for an engine of a stage that lets the spec choose (training, serving), its own spec record
 * ({@link #specRecord}): a record of the fields only it reads in {@code model.ServingFields} or
 * {@code model.TrainingFields}, with its line in that interface's {@code OF_ENGINE};</li>
 * <li>the schema's branch: the name in the stage's {@code engine} enum and an {@code if/then}
 * that requires its required fields and lists its own fields as {@code properties}, with a
 * description on every property ({@code schemas/mlproject-v1alpha1.schema.json});</li>
 * <li>one line in {@link Engines}.</li>
 * </ol>
 * Tests fail when the schema's enum and the registry differ, when a class implements this
 * interface without being registered, when an engine's record and its schema branch differ or
 * are not the one bound under its name, when the engine emits a custom resource no requirement
 * lists or its pods get an injected container its contract does not declare, and when a
 * generated NetworkPolicy rule is no declared connection. What it takes besides, today: a custom
 * resource no engine emitted before needs its structural schema under {@code schemas/crds/}; a
 * field only this engine reads is a component of its own record (and a property of the schema),
 * while a field every engine of the stage reads goes into the stage's record in
 * {@code model.Spec}; the records sit in {@code model}, not here, because the resolver binds them
 * and the meaning checks, which run before rendering, read them; a meaning check that only the
 * new engine needs goes into {@code check}; the reference file {@code example-repo/mlproject.yaml}
 * shows the engine, and its generated tree is committed (docs/engines.md counts it on vLLM).
 */
public interface Engine {

    Stage stage();

    /** The engine's name as the spec writes it ({@code engine: deployment}); the stage's folder when a stage has one engine. */
    String name();

    /**
     * The record of the spec fields only this engine reads ({@code model.ServingFields.Vllm}, say),
     * which the resolver binds from each of the engine's items beside its stage's shared record in
     * {@code model.Spec}, under the engine's name in {@code ServingFields.OF_ENGINE} or
     * {@code TrainingFields.OF_ENGINE}; its components are the properties of the engine's
     * {@code if/then} branch in the schema (a test holds the three together). Empty for an engine
     * whose stage has one engine: the stage's record is its own.
     */
    default Optional<Class<? extends Record>> specRecord() {
        return Optional.empty();
    }

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

    /**
     * What this engine's workloads ask of the tenancy stage (ServiceAccounts, allowed traffic, API
     * rights); {@link TenancyNeeds#NONE} for an engine that runs no pods. No default, so a new
     * engine says it.
     */
    TenancyNeeds needs(RenderContext context);

    /** What the engine's pods need at run time. */
    RuntimeContract contract();

    /**
     * What the cluster must run for the kinds of object this engine emits that Kubernetes does not
     * serve by itself (its custom resources, and what tenancy's own facts do not cover), with the
     * namespaces and settings of the environment's {@code cluster} facts; none by default. A test
     * fails when an engine emits a custom resource no requirement lists.
     */
    default List<RuntimeContract.Requirement> requirements(Spec.Cluster cluster) {
        return List.of();
    }

    /**
     * The servers of this engine that expose Prometheus metrics, which the monitoring stage scrapes
     * when the spec has monitoring; none by default. A serving engine declares its model servers'
     * metrics through {@link ServingEngine#metrics()} instead.
     */
    default List<Scrape> scrapes(RenderContext context) {
        return List.of();
    }

    /**
     * The facts the production rules (replicas, disruption budget) check this engine's objects by;
     * {@link ProductionFacts#NONE} for an engine whose objects they do not concern.
     */
    default ProductionFacts production() {
        return ProductionFacts.NONE;
    }
}
