package dev.mlgitops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import dev.mlgitops.check.MeaningChecker;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.git.GitOps;
import dev.mlgitops.git.PublishCommand;
import dev.mlgitops.git.ReadTreeCommand;
import dev.mlgitops.layout.Layout;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SpecLoader;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.report.FindingReports;
import dev.mlgitops.report.TreeReview;
import dev.mlgitops.render.Renderer;
import dev.mlgitops.resolve.Resolver;
import dev.mlgitops.schema.SchemaChecker;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.typed.Typer;
import dev.mlgitops.write.TreeComparison;
import dev.mlgitops.write.TreeFiles;
import dev.mlgitops.write.TreeWriter;
import dev.mlgitops.write.WriteResult;

/**
 * The generator's public face. Each method reads like the pipeline it runs, one line a step,
 * and stops after the first step that reported errors.
 */
public final class MlGitops {

    private MlGitops() {
    }

    /** Load, check the schema, resolve every environment, check the meaning. */
    public static Validation validate(Path specFile, GenerateOptions options) {
        Findings findings = new Findings();
        String sourceFile = specFile.getFileName().toString();
        Optional<LoadedSpec> loaded = SpecLoader.load(specFile, sourceFile, findings);
        if (loaded.isEmpty() || findings.hasErrors()) {
            return new Validation(sourceFile, findings, Optional.empty());
        }
        SchemaChecker schema = SchemaChecker.shared();
        schema.check(loaded.get(), findings);
        if (findings.hasErrors()) {
            return new Validation(sourceFile, findings, Optional.empty());
        }
        Optional<ResolvedProject> project = new Resolver(schema).resolve(loaded.get(), findings);
        project.ifPresent(resolved -> new MeaningChecker().check(resolved, findings));
        return new Validation(sourceFile, findings, findings.hasErrors() ? Optional.empty() : project);
    }

    /** Validate, then render, type and lay out the tree in memory; write nothing. */
    public static Generation build(Path specFile, GenerateOptions options) {
        return build(validate(specFile, options), options);
    }

    /**
     * Validate and build, keeping the resolved project beside the tree: what {@code check},
     * {@code diff} and {@code publish} need (the spec's gitops settings, its production environment).
     */
    public static Preparation prepare(Path specFile, GenerateOptions options) {
        Validation validation = validate(specFile, options);
        Generation generation = build(validation, options);
        return new Preparation(generation, generation.tree().isPresent() ? validation.project() : Optional.empty());
    }

    private static Generation build(Validation validation, GenerateOptions options) {
        Findings findings = validation.findings();
        if (validation.project().isEmpty()) {
            return new Generation(validation.sourceFile(), findings, Optional.empty(), Optional.empty());
        }
        ResolvedProject project = validation.project().get();
        Renderer renderer = new Renderer(Blueprints.of(options.blueprints()));
        Typer typer = new Typer();
        List<TypedObject> base = typer.type(renderer.render(project.base(), findings), findings);
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        for (ResolvedEnvironment environment : project.environments()) {
            environments.put(environment.name(), typer.type(renderer.render(environment, findings), findings));
        }
        if (findings.hasErrors()) {
            return new Generation(validation.sourceFile(), findings, Optional.empty(), Optional.empty());
        }
        OutputTree tree = Layout.lay(project, base, environments);
        return new Generation(validation.sourceFile(), findings, Optional.of(tree), Optional.empty());
    }

    /** How the tree under {@code <folder>/<tree.root()>} differs from {@code tree}; writes nothing. */
    public static TreeComparison compare(OutputTree tree, Path folder) {
        return TreeWriter.compare(tree, folder);
    }

    /** How the committed files under the tree's root differ from {@code tree}. */
    public static TreeComparison compare(OutputTree tree, Map<String, String> committed) {
        return TreeComparison.between(tree.files(), committed);
    }

    /** The files under {@code folder}, to compare or review against; see {@link GitOps#readTree} for a repository's. */
    public static SortedMap<String, String> readFolder(Path folder) {
        return TreeFiles.read(folder);
    }

    /** A command reading the committed files under {@code root} of the GitOps repository. */
    public static ReadTreeCommand readTree(String repository, String root) {
        return GitOps.readTree(repository, root);
    }

    /** What publishing {@code tree} over {@code committed} would change, with its flags. */
    public static TreeReview review(OutputTree tree, Map<String, String> committed, String production) {
        return TreeReview.of(tree, committed, production);
    }

    /** A command publishing {@code tree} into the GitOps repository; see {@link PublishCommand}. */
    public static PublishCommand publish(OutputTree tree, String repository) {
        return GitOps.publish(tree, repository);
    }

    /**
     * The findings as SARIF, JUnit XML and JSON reports.
     *
     * @param specUri the spec's path as code-scanning tools resolve it (relative to the repository root)
     */
    public static FindingReports reports(String specUri, Findings findings) {
        return FindingReports.of(specUri, findings);
    }

    /** Build the tree and write it to {@code <outputDirectory>/<spec.gitops.path>}. */
    public static Generation generate(Path specFile, GenerateOptions options) {
        Generation built = build(specFile, options);
        if (built.tree().isEmpty()) {
            return built;
        }
        WriteResult written = TreeWriter.write(built.tree().get(), options.outputDirectory());
        options.progress().info("mlgitops: " + written.written().size() + " files written, "
                + written.unchanged().size() + " unchanged, " + written.removed().size() + " removed");
        return new Generation(built.sourceFile(), built.findings(), built.tree(), Optional.of(written));
    }
}
