package dev.mlgitops.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.mlgitops.MlGitopsException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a tree needs of its clusters before Argo CD can sync it: operators and their CRDs,
 * versions, namespaces and controller settings, derived from the objects of every environment.
 *
 * @param items one per component, in a stable order
 */
public record Prerequisites(List<Item> items, List<String> applicationNamespaces) {

    /**
     * Argo CD's health check for {@code argoproj.io/Application}, which Argo CD dropped from its
     * defaults in 1.8 (argo-cd issue #3781) and without which the sync waves between the stage
     * Applications do not hold: the entry of Argo CD's operator manual (Resource Health, "Argocd
     * App"), for the {@code argocd-cm} ConfigMap. The one copy: docs/argocd.md shows it and a test
     * keeps the two the same.
     */
    public static final String APPLICATION_HEALTH_KEY = "resource.customizations.health.argoproj.io_Application";
    public static final String APPLICATION_HEALTH_LUA = String.join("\n",
            "hs = {}",
            "hs.status = \"Progressing\"",
            "hs.message = \"\"",
            "if obj.status ~= nil then",
            "  if obj.status.health ~= nil then",
            "    hs.status = obj.status.health.status",
            "    if obj.status.health.message ~= nil then",
            "      hs.message = obj.status.health.message",
            "    end",
            "  end",
            "end",
            "return hs",
            "");

    public Prerequisites {
        items = List.copyOf(items);
        applicationNamespaces = List.copyOf(applicationNamespaces);
    }

    /** The clusters' needs alone, before the layout decides where the Applications live. */
    public Prerequisites(List<Item> items) {
        this(items, List.of());
    }

    /**
     * With the namespaces that hold the tree's Applications, which Argo CD must watch
     * ({@code application.namespaces}); none when the Applications live in Argo CD's own namespace.
     */
    public Prerequisites withApplicationNamespaces(List<String> namespaces) {
        return new Prerequisites(items, namespaces);
    }

    /** The {@code data} of Argo CD's ConfigMap {@code argocd-cm} the tree needs, as YAML. */
    public static String argocdCm() {
        return "data:\n  " + APPLICATION_HEALTH_KEY + ": |\n"
                + APPLICATION_HEALTH_LUA.indent(4);
    }

    /** The {@code data} of {@code argocd-cmd-params-cm}: the namespaces Argo CD takes Applications from. */
    public String argocdCmdParamsCm() {
        return "data:\n  application.namespaces: " + String.join(", ", applicationNamespaces) + "\n";
    }

    /**
     * One component the tree needs.
     *
     * @param neededBy the environments whose objects need it
     */
    public record Item(String component, String version, String crds, String namespaces, String settings,
                       List<String> neededBy) {

        public Item {
            neededBy = List.copyOf(neededBy);
        }
    }

    /** One line for a terminal: the components; their versions and settings are in PREREQUISITES.md. */
    public String summary() {
        if (items.isEmpty()) {
            return "prerequisites: none beyond Kubernetes";
        }
        return "prerequisites: " + items.stream().map(Item::component).collect(Collectors.joining(", "))
                + " (versions and settings: PREREQUISITES.md)";
    }

    /** PREREQUISITES.md, after {@code header} (the generator's header line). */
    public String markdown(String header) {
        StringBuilder text = new StringBuilder(header).append('\n');
        text.append("## What the clusters need before Argo CD syncs this tree\n\n");
        text.append("Derived from the objects of every environment; install these first, or a sync fails or its pods never run.\n\n");
        text.append("| component | version | CRDs | namespaces | settings | needed by |\n");
        text.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Item item : items) {
            text.append("| ").append(item.component()).append(" | ").append(item.version()).append(" | ")
                    .append(cell(item.crds())).append(" | ").append(cell(item.namespaces())).append(" | ")
                    .append(cell(item.settings())).append(" | ").append(String.join(", ", item.neededBy())).append(" |\n");
        }
        text.append("\n## What Argo CD needs\n\n");
        text.append("The sync waves between the stage Applications hold only where Argo CD assesses the health of"
                + " Applications (dropped from its defaults in 1.8). In the `argocd-cm` ConfigMap:\n\n");
        text.append("```yaml\n").append(argocdCm()).append("```\n");
        if (!applicationNamespaces.isEmpty()) {
            text.append("\nThe Applications live in the environments' namespaces (Argo CD 3.2 or later). In the"
                    + " `argocd-cmd-params-cm` ConfigMap, then restart `argocd-server` and"
                    + " `argocd-application-controller`:\n\n");
            text.append("```yaml\n").append(argocdCmdParamsCm()).append("```\n");
        }
        return text.toString();
    }

    /** The same as JSON, for the run's reports. */
    public ObjectNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode list = root.putArray("prerequisites");
        for (Item item : items) {
            ObjectNode node = list.addObject();
            node.put("component", item.component());
            node.put("version", item.version());
            node.put("crds", item.crds());
            node.put("namespaces", item.namespaces());
            node.put("settings", item.settings());
            ArrayNode needed = node.putArray("neededBy");
            item.neededBy().forEach(needed::add);
        }
        ObjectNode argocd = root.putObject("argocd");
        argocd.putObject("argocd-cm").put(APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA);
        if (!applicationNamespaces.isEmpty()) {
            argocd.putObject("argocd-cmd-params-cm").put("application.namespaces", String.join(", ", applicationNamespaces));
        }
        return root;
    }

    /** The JSON as text, one field a line. */
    public String jsonText() {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json()) + "\n";
    }

    /** Writes {@code prerequisites.json} into the run's report folder, beside the findings reports. */
    public void writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("prerequisites.json"), jsonText(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MlGitopsException("writing the prerequisites report prerequisites.json: " + e.getMessage(), e);
        }
    }

    private static String cell(String text) {
        return text.isEmpty() ? "-" : text.replace("|", "\\|");
    }

    static List<Item> sorted(List<Item> items) {
        List<Item> copy = new ArrayList<>(items);
        copy.sort((a, b) -> a.component().compareTo(b.component()));
        return copy;
    }
}
