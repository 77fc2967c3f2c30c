package dev.mlgitops;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.check.MeaningChecker;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.layout.Layout;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SpecLoader;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.policy.PolicyChecker;
import dev.mlgitops.render.Blueprints;
import dev.mlgitops.report.FindingReports;
import dev.mlgitops.render.Renderer;
import dev.mlgitops.resolve.Resolver;
import dev.mlgitops.schema.SchemaChecker;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.typed.Typer;
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
        project.ifPresent(resolved -> new MeaningChecker().check(resolved, findings));
        return new Validation(sourceFile, findings, findings.hasErrors() ? Optional.empty() : project, options.failOn());
    }

    /**
     * Validate, then render, type, check the policy and lay out the tree in memory; write nothing.
     * A run whose findings reach {@link GenerateOptions#failOn} has no tree.
     */
    public static Generation build(Path specFile, GenerateOptions options) {
        Validation validation = validate(specFile, options);
        Findings findings = validation.findings();
        if (validation.project().isEmpty()) {
            return failed(validation.sourceFile(), findings, options);
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
            return failed(validation.sourceFile(), findings, options);
        }
        new PolicyChecker().check(project, environments, findings);
        if (findings.reach(options.failOn())) {
            return failed(validation.sourceFile(), findings, options);
        }
        OutputTree tree = Layout.lay(project, base, environments);
        return new Generation(validation.sourceFile(), findings, Optional.of(tree), Optional.empty(), options.failOn());
    }

    private static Generation failed(String sourceFile, Findings findings, GenerateOptions options) {
        return new Generation(sourceFile, findings, Optional.empty(), Optional.empty(), options.failOn());
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
        return new Generation(built.sourceFile(), built.findings(), built.tree(), Optional.of(written), options.failOn());
    }
}
