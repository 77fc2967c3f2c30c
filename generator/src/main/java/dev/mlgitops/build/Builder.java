package dev.mlgitops.build;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.mlgitops.Progress;
import dev.mlgitops.check.MeaningChecker;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.function.FunctionChecker;
import dev.mlgitops.function.Prerequisites;
import dev.mlgitops.layout.Layout;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SpecLoader;
import dev.mlgitops.model.ApplicationsIn;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Stage;
import dev.mlgitops.policy.PolicyChecker;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.render.Renderer;
import dev.mlgitops.resolve.Resolver;
import dev.mlgitops.schema.SchemaChecker;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.typed.Typer;
import dev.mlgitops.yaml.Header;

/**
 * Steps 1 to 10 as one: load, check the schema, resolve, check the meaning, render, type, check
 * the policy, prove the function (reachability, quota fit, admission, prerequisites), lay out; the
 * tree stays in memory. Reads like the pipeline it runs, one line a
 * step, and stops after the first step that reported errors. {@code validate} is this without
 * writing, so whatever {@code generate} refuses, {@code validate} refuses with the same findings.
 */
public final class Builder {

    private Builder() {
    }

    public static BuildOutcome build(Path specFile, BuildOptions options) {
        Findings findings = new Findings();
        String sourceFile = specFile.getFileName().toString();
        Optional<ResolvedProject> resolved = resolve(specFile, options, findings);
        if (resolved.isEmpty() || findings.hasErrors()) {
            return BuildOutcome.failed(sourceFile, findings, options.failOn());
        }
        ResolvedProject project = resolved.get();
        Typed rendered = renderAndType(project, options, findings);
        List<TypedObject> base = rendered.base();
        Map<String, List<TypedObject>> environments = rendered.environments();
        if (findings.hasErrors()) {
            return BuildOutcome.failed(sourceFile, findings, options.failOn());
        }
        new PolicyChecker().check(project, environments, findings);
        if (findings.reach(options.failOn())) {
            return BuildOutcome.failed(sourceFile, findings, options.failOn());
        }
        Prerequisites prerequisites = new FunctionChecker().check(project, environments, findings)
                .withApplicationNamespaces(applicationNamespaces(project, options));
        if (findings.reach(options.failOn())) {
            return BuildOutcome.failed(sourceFile, findings, options.failOn());
        }
        String prerequisitesFile = prerequisites.markdown(Header.forSource(project.sourceFile()));
        BuildOutcome.Relayout layout = pinned -> {
            OutputTree whole = Layout.lay(project, base, environments, options.applicationsIn(), pinned)
                    .with("PREREQUISITES.md", prerequisitesFile);
            return options.environments().isEmpty() ? whole : Layout.limit(whole, options.environments());
        };
        OutputTree tree = layout.pinnedTo(Map.of());
        Map<String, Map<Stage, Integer>> objects = new LinkedHashMap<>();
        objects.put("base", countByStage(base));
        environments.forEach((name, typed) -> {
            if (options.covers(name)) {
                objects.put(name, countByStage(typed));
            }
        });
        return new BuildOutcome(sourceFile, findings, Optional.of(project), Optional.of(tree), objects, options.failOn(),
                Optional.of(prerequisites), layout);
    }

    /** The typed objects of the base and of each environment by name, in promotion order. */
    private record Typed(List<TypedObject> base, Map<String, List<TypedObject>> environments) {
    }

    /**
     * Steps 5 and 6 for the base and every environment; even in a limited run every environment is
     * rendered: the AppProject is laid out from all of them. The renderer's and typer's caches
     * (every text rendered, by its model) are garbage once this returns, before the larger steps.
     */
    private static Typed renderAndType(ResolvedProject project, BuildOptions options, Findings findings) {
        Renderer renderer = new Renderer(Blueprints.of(options.blueprints()));
        Typer typer = new Typer();
        Progress progress = options.progress();
        progress.info("mlgitops: rendering the bases of " + project.metadata().name());
        List<TypedObject> base = typer.type(renderer.render(project.base(), findings), findings);
        Map<String, List<TypedObject>> environments = new LinkedHashMap<>();
        int done = 0;
        for (ResolvedEnvironment environment : project.environments()) {
            progress.info("mlgitops: rendering environment " + environment.name() + " (" + ++done + "/"
                    + project.environments().size() + ")");
            environments.put(environment.name(), typer.type(renderer.render(environment, findings), findings));
        }
        return new Typed(base, environments);
    }

    /** Where the Applications live when in the teams' namespaces: every environment's, sorted, as the AppProject lists them. */
    private static List<String> applicationNamespaces(ResolvedProject project, BuildOptions options) {
        if (options.applicationsIn() != ApplicationsIn.TEAM_NAMESPACES) {
            return List.of();
        }
        TreeSet<String> namespaces = new TreeSet<>();
        project.environments().forEach(e -> e.target().ifPresent(t -> namespaces.add(t.namespace())));
        return List.copyOf(namespaces);
    }

    /**
     * Steps 1 to 4: load, check the schema, resolve every environment, check the meaning. The
     * project is present when those steps reported no error.
     */
    public static Optional<ResolvedProject> resolve(Path specFile, BuildOptions options, Findings findings) {
        Optional<LoadedSpec> loaded = SpecLoader.load(specFile, specFile.getFileName().toString(), findings);
        if (loaded.isEmpty() || findings.hasErrors()) {
            return Optional.empty();
        }
        SchemaChecker schema = SchemaChecker.shared();
        schema.check(loaded.get(), findings);
        if (findings.hasErrors()) {
            return Optional.empty();
        }
        Optional<ResolvedProject> project = new Resolver(schema).resolve(loaded.get(), findings);
        project.ifPresent(resolved -> new MeaningChecker(options.deniedNamespaces()).check(loaded.get(), resolved, findings));
        project.ifPresent(resolved -> requireKnownEnvironments(resolved, options, findings));
        return findings.hasErrors() ? Optional.empty() : project;
    }

    /** An environment filter names only environments the spec has. */
    private static void requireKnownEnvironments(ResolvedProject project, BuildOptions options, Findings findings) {
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
