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
public record Prerequisites(List<Item> items) {

    public Prerequisites {
        items = List.copyOf(items);
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
