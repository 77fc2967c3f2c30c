package dev.mlgitops.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.typed.TypedObject;
import dev.mlgitops.typed.Typer;
import tools.jackson.databind.node.ObjectNode;

/** One environment rendered and typed, as the pipeline does it, with its objects by "Kind/name". */
public record Rendering(List<RenderedDocument> documents, List<TypedObject> objects, Findings findings) {

    public static Rendering of(ResolvedEnvironment environment) {
        return of(Blueprints.of(Optional.empty()), environment);
    }

    public static Rendering of(Blueprints blueprints, ResolvedEnvironment environment) {
        Findings findings = new Findings();
        List<RenderedDocument> documents = new Renderer(blueprints).render(environment, findings);
        List<TypedObject> objects = new Typer().type(documents, findings);
        return new Rendering(documents, objects, findings);
    }

    public Map<String, ObjectNode> byName() {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        objects.forEach(o -> byName.put(o.key().kind() + "/" + o.key().name(), o.manifest()));
        return byName;
    }

    public ObjectNode get(String kindAndName) {
        ObjectNode object = byName().get(kindAndName);
        if (object == null) {
            throw new AssertionError(kindAndName + " was not rendered; rendered: " + byName().keySet());
        }
        return object;
    }

    public List<Finding> findings(Code code) {
        return findings.sorted().stream().filter(f -> f.code() == code).toList();
    }

    public List<String> errors() {
        return findings.sorted().stream().filter(Finding::isError).map(f -> f.format("mlproject.yaml")).toList();
    }
}
