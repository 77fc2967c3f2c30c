package dev.mlgitops.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Shown;
import dev.mlgitops.finding.Findings;
import dev.mlgitops.finding.Locator;
import dev.mlgitops.finding.Suggestions;
import dev.mlgitops.schema.SchemaViolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An override that removes something the spec does not have is a no-op, and almost always a
 * typo ({@code notebooks: {gpu-labs: null}}): report it with the names that do exist.
 */
final class OverrideTargets {

    private OverrideTargets() {
    }

    static void check(ObjectNode spec, MergePatch.Merged merged, Locator locator,
                      Findings findings) {
        for (String pointer : merged.removedNothing()) {
            int slash = pointer.lastIndexOf('/');
            String parent = pointer.substring(0, slash);
            String name = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            findings.add(locator.finding(Code.CHECK_OVERRIDE_UNKNOWN, pointer,
                    Code.CHECK_OVERRIDE_UNKNOWN.message(describe(parent), name,
                            names(spec.at(parent.isEmpty() ? "" : parent)))));
        }
    }

    /**
     * A required field missing from an item the spec does not define: the override most likely
     * misspells an item's name ({@code serving: {predicter: {replicas: ...}}}) and so adds a new,
     * incomplete one. Says so, with the closest name, instead of naming the missing field alone.
     */
    static Optional<String> misnamedItem(ObjectNode spec, String environment, SchemaViolation violation) {
        String pointer = violation.pointer();
        int slash = pointer.lastIndexOf('/');
        if (violation.code() != Code.SCHEMA_REQUIRED || slash <= 0 || !spec.at(pointer).isMissingNode()) {
            return Optional.empty();
        }
        String parent = pointer.substring(0, slash);
        String what = describe(parent);
        if (what.equals("the field") || what.equals("the stage")) {
            return Optional.empty();
        }
        String name = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        List<String> defined = new ArrayList<>();
        if (spec.at(parent) instanceof ObjectNode items) {
            items.propertyNames().forEach(defined::add);
        }
        String hint = Suggestions.closest(name, defined).map(closest -> " (did you mean '" + Shown.value(closest) + "'?)").orElse("");
        return Optional.of(Code.ENV_NEW_ITEM.message(environment, what, name, new Shown.Text(hint),
                new Shown.Text(violation.message())));
    }

    /** What the removed key names, from where it stands: {@code /serving/x} names a model. */
    private static String describe(String parent) {
        if (parent.isEmpty()) {
            return "the stage";
        }
        if (parent.matches("/training/[^/]+/steps")) {
            return "the step";
        }
        return switch (parent) {
            case "/notebooks" -> "the notebook";
            case "/training" -> "the pipeline";
            case "/serving" -> "the model";
            case "/images" -> "the image";
            default -> "the field";
        };
    }

    private static Object names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            object.propertyNames().forEach(names::add);
        }
        names.remove("environments");
        return names.isEmpty() ? "(none)" : Shown.list(names);
    }
}
