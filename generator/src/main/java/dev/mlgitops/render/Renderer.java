package dev.mlgitops.render;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.Stage;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;

/**
 * Renders each stage's engine blueprints for one environment. A blueprint that fails becomes a
 * {@link Code#RENDER_FAILED} finding naming the template and line; the others still render, so
 * one run reports every broken blueprint.
 */
public final class Renderer {

    private final Blueprints blueprints;
    private final List<Engine> engines;
    /**
     * What each blueprint rendered, by its data model: environments mostly render what the base
     * rendered, and a template's output depends on its model alone (models are records, lists and
     * maps, equal by value). Failed renderings are not kept, so every rendering reports them.
     */
    private final Map<Rendering, Optional<String>> rendered = new HashMap<>();

    private record Rendering(String blueprint, Map<String, Object> model) {
    }

    public Renderer(Blueprints blueprints) {
        this.blueprints = blueprints;
        // in sync-wave order: the stores, then what uses them, then serving, then monitoring
        List<Engine> workloads = List.of(new FeastFeatureStore(), new MlflowRegistry(), StepsTraining.argoWorkflows(),
                StepsTraining.kubernetesJob(), new PyTorchJobTraining(), new Notebooks(), new KServeServing(),
                new DeploymentServing(), new PrometheusMonitoring());
        List<Engine> all = new ArrayList<>();
        all.add(new TenancyBlueprint(workloads));
        all.addAll(workloads);
        this.engines = List.copyOf(all);
    }

    public List<RenderedDocument> render(ResolvedEnvironment environment, Findings findings) {
        Project project = new Project(environment);
        List<RenderedDocument> documents = new ArrayList<>();
        for (Engine engine : engines) {
            for (ItemModel item : engine.models(project, findings)) {
                for (String template : engine.templates()) {
                    String blueprint = engine.folder() + "/" + template;
                    render(blueprint, item.model(), findings).ifPresent(yaml -> documents.add(new RenderedDocument(
                            engine.stage(), blueprint, yaml, environment.name(), item.source())));
                }
            }
        }
        return documents;
    }

    /** The template's output, or empty when it failed (a finding says why) or rendered nothing. */
    private Optional<String> render(String blueprint, Map<String, Object> model, Findings findings) {
        Rendering rendering = new Rendering(blueprint, model);
        Optional<String> known = rendered.get(rendering);
        if (known != null) {
            return known;
        }
        Findings own = new Findings();
        Optional<String> output = renderAnew(blueprint, model, own);
        if (own.isEmpty()) {
            rendered.put(rendering, output);
        }
        findings.addAll(own);
        return output;
    }

    private Optional<String> renderAnew(String blueprint, Map<String, Object> model, Findings findings) {
        try {
            Template template = blueprints.template(blueprint);
            StringWriter out = new StringWriter();
            template.process(model, out);
            String yaml = out.toString();
            return yaml.isBlank() ? Optional.empty() : Optional.of(yaml);
        } catch (ParseException e) {
            failed(findings, blueprint, e.getLineNumber(), e.getEditorMessage());
        } catch (TemplateException e) {
            failed(findings, blueprint, e.getLineNumber(), e.getMessageWithoutStackTop());
        } catch (IOException e) {
            failed(findings, blueprint, null, e.getMessage());
        }
        return Optional.empty();
    }

    private static void failed(Findings findings, String blueprint, Integer line, String message) {
        String where = line == null ? blueprint : blueprint + ":" + line;
        findings.add(Code.RENDER_FAILED, "", null, Code.RENDER_FAILED.message(where, firstParagraph(message)));
    }

    /** Freemarker's messages go on with hints and the FTL stack; the first paragraph says what broke. */
    private static String firstParagraph(String message) {
        if (message == null) {
            return "unknown error";
        }
        String first = message.strip().split("\\R\\s*\\R", 2)[0];
        return first.replaceAll("\\s*\\R\\s*", " ");
    }
}
