package dev.mlgitops;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import dev.mlgitops.check.MeaningChecker;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
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
import dev.mlgitops.model.Stage;
import dev.mlgitops.policy.PolicyChecker;
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
import dev.mlgitops.write.TreeStamp;
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
            return new Validation(sourceFile, findings, Optional.empty(), options.failOn());
        }
        SchemaChecker schema = SchemaChecker.shared();
        schema.check(loaded.get(), findings);
        if (findings.hasErrors()) {
            return new Validation(sourceFile, findings, Optional.empty(), options.failOn());
        }
        Optional<ResolvedProject> project = new Resolver(schema).resolve(loaded.get(), findings);
        project.ifPresent(resolved -> new MeaningChecker(options.deniedNamespaces()).check(loaded.get(), resolved, findings));
        project.ifPresent(resolved -> requireKnownEnvironments(resolved, options, findings));
        return new Validation(sourceFile, findings, findings.hasErrors() ? Optional.empty() : project, options.failOn());
    }

    /**
     * Validate, then render, type, check the policy and lay out the tree in memory; write nothing.
     * A run whose findings reach {@link GenerateOptions#failOn} has no tree.
     */
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
            return failed(validation.sourceFile(), findings, options);
        }
        ResolvedProject project = validation.project().get();
        Renderer renderer = new Renderer(Blueprints.of(options.blueprints()));
        Typer typer = new Typer();
        Progress progress = options.progress();
        progress.info("mlgitops: rendering the bases of " + project.metadata().name());
        List<TypedObject> base = typer.type(renderer.render(project.base(), findings), findings);
        // every environment is rendered, even in a limited run: the AppProject is laid out from all of them
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        int done = 0;
        for (ResolvedEnvironment environment : project.environments()) {
            progress.info("mlgitops: rendering environment " + environment.name() + " (" + ++done + "/"
                    + project.environments().size() + ")");
            environments.put(environment.name(), typer.type(renderer.render(environment, findings), findings));
        }
        if (findings.hasErrors()) {
            return failed(validation.sourceFile(), findings, options);
        }
        new PolicyChecker().check(project, environments, findings);
        if (findings.reach(options.failOn())) {
            return failed(validation.sourceFile(), findings, options);
        }
        OutputTree whole = Layout.lay(project, base, environments);
        OutputTree tree = options.environments().isEmpty() ? whole : Layout.limit(whole, options.environments());
        Map<String, Map<Stage, Integer>> objects = new LinkedHashMap<>();
        objects.put("base", countByStage(base));
        environments.forEach((name, typed) -> {
            if (options.covers(name)) {
                objects.put(name, countByStage(typed));
            }
        });
        return new Generation(validation.sourceFile(), findings, Optional.of(tree), Optional.empty(), objects,
                options.failOn(), false);
    }

    private static Generation failed(String sourceFile, Findings findings, GenerateOptions options) {
        return Generation.failed(sourceFile, findings, options.failOn());
    }

    /** How the tree under {@code <folder>/<tree.root()>} differs from {@code tree}; writes nothing. */
    public static TreeComparison compare(OutputTree tree, Path folder) {
        return TreeWriter.compare(tree, folder);
    }

    /** How the committed files under the tree's root differ from {@code tree}. */
    public static TreeComparison compare(OutputTree tree, Map<String, String> committed) {
        return TreeComparison.of(tree, committed);
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

    /**
     * Build the tree and write it to {@code <outputDirectory>/<spec.gitops.path>}. With a
     * {@linkplain GenerateOptions#stamp stamp}, a run whose inputs and written tree are as the last
     * run left them does no work: it reads the tree back and reports the last run's findings.
     */
    public static Generation generate(Path specFile, GenerateOptions options) {
        Optional<String> inputs = options.stamp().flatMap(stamp -> RunInputs.digest(specFile, options));
        Optional<Generation> upToDate = inputs.flatMap(digest -> upToDate(specFile, digest, options));
        if (upToDate.isPresent()) {
            options.progress().info("mlgitops: up to date: the spec, the blueprints and the tree are as the last run left them");
            return upToDate.get();
        }
        Generation built = build(specFile, options);
        if (built.tree().isEmpty()) {
            return built;
        }
        options.progress().info("mlgitops: writing " + built.tree().get().files().size() + " files");
        WriteResult written = TreeWriter.write(built.tree().get(), options.outputDirectory());
        inputs.ifPresent(digest -> TreeStamp.of(digest, built.tree().get(), built.findings().sorted(), built.objects())
                .write(options.stamp().get()));
        return built.withWritten(written);
    }

    private static Optional<Generation> upToDate(Path specFile, String inputs, GenerateOptions options) {
        return TreeStamp.read(options.stamp().get())
                .filter(stamp -> stamp.inputs().equals(inputs))
                .flatMap(stamp -> stamp.current(options.outputDirectory()).map(tree -> {
                    Findings findings = new Findings();
                    stamp.findings().forEach(findings::add);
                    return Generation.upToDate(specFile.getFileName().toString(), findings, tree, stamp.objects(),
                            options.failOn());
                }));
    }

    /**
     * Write a starter mlproject.yaml into {@code folder}, with a copy of the schema beside it
     * that its first line points editors at. On findings (a bad name, a file in the way) it
     * writes nothing.
     */
    public static Initialization init(Path folder, InitOptions options) {
        return Starter.write(folder, options);
    }

    /** An environment filter names only environments the spec has. */
    private static void requireKnownEnvironments(ResolvedProject project, GenerateOptions options, Findings findings) {
        List<String> known = project.environments().stream().map(ResolvedEnvironment::name).toList();
        for (String asked : options.environments()) {
            if (!known.contains(asked)) {
                findings.add(Code.ENV_UNKNOWN, "spec.environments", null,
                        Code.ENV_UNKNOWN.message(asked, Shown.list(known)));
            }
        }
    }

    private static Map<Stage, Integer> countByStage(List<TypedObject> objects) {
        Map<Stage, Integer> counts = new EnumMap<>(Stage.class);
        objects.forEach(object -> counts.merge(object.stage(), 1, Integer::sum));
        return counts;
    }
}
