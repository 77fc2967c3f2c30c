package dev.mlgitops.resolve;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.load.LoadedSpec;
import dev.mlgitops.load.SourceMap;
import dev.mlgitops.model.ProjectMetadata;
import dev.mlgitops.model.ResolvedEnvironment;
import dev.mlgitops.model.ResolvedProject;
import dev.mlgitops.model.Spec;
import dev.mlgitops.model.Target;
import dev.mlgitops.schema.SchemaChecker;
import dev.mlgitops.schema.SchemaViolation;
import dev.mlgitops.yaml.KubeYaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a schema-checked spec into one immutable model per environment: each environment's
 * {@code overrides} merged into {@code spec} (RFC 7386), the result checked again, image keys
 * and secret names bound. Every finding points at the place in the file that caused it: the
 * override when an override did, else the spec.
 */
public final class Resolver {

    private static final String SPEC = "/spec";

    private final SchemaChecker schema;

    public Resolver(SchemaChecker schema) {
        this.schema = schema;
    }

    public Optional<ResolvedProject> resolve(LoadedSpec loaded, Findings findings) {
        ObjectNode root = loaded.root();
        SourceMap sources = loaded.sourceMap();
        ProjectMetadata metadata = bind(root.get("metadata"), ProjectMetadata.class, "/metadata", sources, findings);
        ObjectNode specNode = (ObjectNode) root.get("spec");
        if (!Budget.check(specNode, sources, findings)) {
            return Optional.empty();
        }
        Spec asWritten = bind(specNode, Spec.class, SPEC, sources, findings);
        if (metadata == null || asWritten == null) {
            return Optional.empty();
        }
        ResolvedEnvironment base = new ResolvedEnvironment(metadata, asWritten, Optional.empty(),
                FileLocator.ofSpec(sources));
        checkReferences(base, findings);

        List<ResolvedEnvironment> environments = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, Spec.EnvironmentSpec> entry : asWritten.environments().entrySet()) {
            String name = entry.getKey();
            String overridesPointer = SPEC + "/environments/" + SourceMap.escape(name) + "/overrides";
            JsonNode overrides = specNode.path("environments").path(name).get("overrides");
            MergePatch.Merged merged = MergePatch.apply(specNode, overrides, overridesPointer);
            OverrideTargets.check(specNode, merged, FileLocator.ofMerge(sources, merged, name), findings);
            Spec.EnvironmentSpec environment = entry.getValue();
            Target target = new Target(name, order++, environment.cluster(), environment.namespace(),
                    environment.autoSync(), environment.tracksLatest(), environment.fleet().orElse(null));
            // without overrides the environment's spec is the spec as written, checked and bound already
            Optional<Spec> spec = overrides == null ? Optional.of(asWritten)
                    : resolveEnvironment(name, specNode, merged, sources, findings);
            if (spec.isPresent()) {
                ResolvedEnvironment resolved = new ResolvedEnvironment(metadata, spec.get(), Optional.of(target),
                        FileLocator.ofMerge(sources, merged, name));
                checkReferences(resolved, findings);
                environments.add(resolved);
            }
        }
        if (findings.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new ResolvedProject(loaded.sourceFile(), base, environments));
    }

    private Optional<Spec> resolveEnvironment(String name, ObjectNode specNode, MergePatch.Merged merged,
                                              SourceMap sources, Findings findings) {
        List<SchemaViolation> violations = schema.checkSpec(merged.tree());
        Set<String> misnamed = new HashSet<>();
        for (SchemaViolation violation : violations) {
            String origin = merged.origin(violation.pointer(), SPEC);
            Optional<String> misnamedItem = OverrideTargets.misnamedItem(specNode, name, violation);
            if (misnamedItem.isEmpty()) {
                findings.add(Finding.of(Code.ENV_INVALID, SourceMap.dotted(origin), sources.at(origin),
                        Code.ENV_INVALID.message(name, new Shown.Text(violation.message()))));
            } else if (misnamed.add(violation.pointer())) {
                findings.add(Finding.of(Code.ENV_NEW_ITEM, SourceMap.dotted(origin), sources.at(origin), misnamedItem.get()));
            }
        }
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(bind(merged.tree(), Spec.class, SPEC, sources, findings));
    }

    private static void checkReferences(ResolvedEnvironment environment, Findings findings) {
        References.check(environment.spec(),
                (code, pointer, message) -> findings.add(environment.locator().finding(code, pointer, message)));
    }

    /**
     * Binds a checked tree to the model. The schema check ran first, so a failure here means the
     * schema and the model disagree; it is still reported as a finding, never thrown at the user.
     */
    private static <T> T bind(JsonNode node, Class<T> type, String pointer, SourceMap sources, Findings findings) {
        try {
            return KubeYaml.mapper().treeToValue(node, type);
        } catch (JacksonException e) {
            findings.add(Finding.of(Code.SCHEMA_INVALID, SourceMap.dotted(pointer), sources.at(pointer),
                    Code.SCHEMA_INVALID.message("cannot be read: " + e.getOriginalMessage())));
            return null;
        }
    }
}
