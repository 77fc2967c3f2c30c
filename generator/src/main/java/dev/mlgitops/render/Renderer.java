package dev.mlgitops.render;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<Rendering, Optional<String>> rendered = new ConcurrentHashMap<>();

    private record Rendering(String blueprint, Map<String, Object> model) {
    }

    public Renderer(Blueprints blueprints) {
        this.blueprints = blueprints;
        this.engines = Engines.all();
    }

    public List<RenderedDocument> render(ResolvedEnvironment environment, Findings findings) {
        RenderContext context = new RenderContext(environment);
        List<Job> jobs = new ArrayList<>();
        for (Engine engine : engines) {
            for (ItemModel item : engine.models(context, findings)) {
                for (String template : engine.templates()) {
                    jobs.add(new Job(engine.stage(), engine.folder() + "/" + template, item));
                }
            }
        }
        // each template on its own, on every core (rendering is a good part of a large run), in the jobs' order
        // every blueprint also sees the cluster facts (spec.cluster, defaults filled in) as `cluster`
        List<Output> outputs = jobs.parallelStream()
                .map(job -> render(job.blueprint(), withCluster(job.item().model(), environment))).toList();
        List<RenderedDocument> documents = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            findings.addAll(outputs.get(i).findings());
            outputs.get(i).yaml().ifPresent(yaml -> documents.add(new RenderedDocument(
                    job.stage(), job.blueprint(), yaml, environment.name(), job.item().source())));
        }
        return documents;
    }

    private static Map<String, Object> withCluster(Map<String, Object> model, ResolvedEnvironment environment) {
        Map<String, Object> all = new LinkedHashMap<>(model);
        all.put("cluster", environment.spec().cluster());
        return all;
    }

    /** One template to render with one item's model. */
    private record Job(Stage stage, String blueprint, ItemModel item) {
    }

    /** What a template rendered (empty when it failed or rendered nothing), and what went wrong. */
    private record Output(Optional<String> yaml, Findings findings) {
    }

    private Output render(String blueprint, Map<String, Object> model) {
        Rendering rendering = new Rendering(blueprint, model);
        Optional<String> known = rendered.get(rendering);
        if (known != null) {
            return new Output(known, new Findings());
        }
        Findings own = new Findings();
        Optional<String> output = renderAnew(blueprint, model, own);
        if (own.isEmpty()) {
            rendered.put(rendering, output);
        }
        return new Output(output, own);
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
