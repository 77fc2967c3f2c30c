package dev.mlgitops.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.mlgitops.MlGitopsException;
import dev.mlgitops.finding.Code;
import dev.mlgitops.finding.Finding;
import dev.mlgitops.finding.Position;
import dev.mlgitops.finding.Severity;
import dev.mlgitops.layout.OutputTree;
import dev.mlgitops.model.Stage;
import dev.mlgitops.yaml.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a generate run left behind, kept outside the tree (in Maven's target folder): the digest
 * of its inputs, its findings and object counts, and the digest of every file of its tree. A later
 * run with the same inputs whose files are all still as written is up to date and skips the work.
 * A stamp that cannot be read, or was made by another format version, is no stamp.
 *
 * @param inputs  the digest of everything the run's output depends on (spec, blueprints, generator, options)
 * @param files   each file of the tree by path under {@code root}, to the SHA-256 of its text
 * @param objects the run's object counts by environment and stage, for its summary
 */
public record TreeStamp(String inputs, String root, List<String> scope, SortedMap<String, String> files,
                        List<Finding> findings, Map<String, Map<Stage, Integer>> objects) {

    private static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TreeStamp {
        scope = List.copyOf(scope);
        files = new TreeMap<>(files);
        findings = List.copyOf(findings);
        objects = new LinkedHashMap<>(objects);
    }

    public static TreeStamp of(String inputs, OutputTree tree, List<Finding> findings,
                               Map<String, Map<Stage, Integer>> objects) {
        SortedMap<String, String> files = new TreeMap<>();
        tree.files().forEach((path, text) -> files.put(path, Sha256.of(text)));
        return new TreeStamp(inputs, tree.root(), List.copyOf(tree.scope()), files, findings, objects);
    }

    /** The stamp in {@code file}; empty when there is none or it cannot be read. */
    public static Optional<TreeStamp> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return fromJson(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            // a cache: one that is damaged or of another version only costs a full run
            return Optional.empty();
        }
    }

    /** Writes the stamp aside, then moves it into place, so a reader never sees half of one. */
    public void write(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path aside = Files.createTempFile(folder, ".mlgitops-stamp-", ".tmp");
            try {
                Files.writeString(aside, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()),
                        StandardCharsets.UTF_8);
                TreeWriter.replace(aside, file);
            } finally {
                Files.deleteIfExists(aside);
            }
        } catch (IOException e) {
            throw new MlGitopsException("writing the stamp " + file.getFileName() + ": " + TreeWriter.describe(e), e);
        }
    }

    /**
     * The tree as it is under {@code <outputDirectory>/<root>}, when every file of this stamp is there
     * with the same content and no file of ours that a run would remove is; empty otherwise.
     */
    public Optional<OutputTree> current(Path outputDirectory) {
        if (!Files.isDirectory(outputDirectory)) {
            return Optional.empty();
        }
        OutputTree stamped = new OutputTree(root, new TreeMap<>(), new TreeSet<>(scope));
        SortedMap<String, String> onDisk;
        try {
            onDisk = TreeFiles.read(new SafePaths(outputDirectory).resolve(root));
        } catch (MlGitopsException e) {
            return Optional.empty(); // a root the writer would refuse, or an unreadable folder: let the run say so
        }
        SortedMap<String, String> current = new TreeMap<>();
        for (Map.Entry<String, String> file : onDisk.entrySet()) {
            String digest = files.get(file.getKey());
            if (digest != null) {
                if (!digest.equals(Sha256.of(file.getValue()))) {
                    return Optional.empty();
                }
                current.put(file.getKey(), file.getValue());
            } else if (stamped.speaksFor(file.getKey()) && Header.isGenerated(file.getValue())) {
                return Optional.empty(); // stale: the run would remove it
            }
        }
        if (current.size() != files.size()) {
            return Optional.empty();
        }
        return Optional.of(new OutputTree(root, current, new TreeSet<>(scope)));
    }

    private ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("version", VERSION);
        json.put("inputs", inputs);
        json.put("root", root);
        scope.forEach(json.putArray("scope")::add);
        ObjectNode digests = json.putObject("files");
        files.forEach(digests::put);
        ArrayNode list = json.putArray("findings");
        for (Finding finding : findings) {
            ObjectNode item = list.addObject();
            item.put("code", finding.code().name());
            item.put("severity", finding.severity().name());
            item.put("jsonPath", finding.jsonPath());
            finding.position().ifPresent(position -> item.putObject("position").put("file", position.file())
                    .put("line", position.line()).put("column", position.column()));
            item.put("message", finding.message());
        }
        ObjectNode counts = json.putObject("objects");
        objects.forEach((environment, byStage) -> {
            ObjectNode stages = counts.putObject(environment);
            byStage.forEach((stage, count) -> stages.put(stage.name(), count));
        });
        return json;
    }

    private static Optional<TreeStamp> fromJson(JsonNode json) {
        if (json.path("version").asInt(0) != VERSION) {
            return Optional.empty();
        }
        List<String> scope = new ArrayList<>();
        json.required("scope").forEach(path -> scope.add(path.asString()));
        SortedMap<String, String> files = new TreeMap<>();
        json.required("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asString()));
        List<Finding> findings = new ArrayList<>();
        for (JsonNode item : json.required("findings")) {
            JsonNode at = item.path("position");
            Optional<Position> position = at.isObject()
                    ? Optional.of(new Position(at.required("file").asString(), at.required("line").asInt(),
                            at.required("column").asInt()))
                    : Optional.empty();
            findings.add(new Finding(Code.valueOf(item.required("code").asString()),
                    Severity.valueOf(item.required("severity").asString()), item.required("jsonPath").asString(),
                    position, item.required("message").asString()));
        }
        Map<String, Map<Stage, Integer>> objects = new LinkedHashMap<>();
        json.required("objects").properties().forEach(environment -> {
            Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
            environment.getValue().properties().forEach(stage ->
                    byStage.put(Stage.valueOf(stage.getKey()), stage.getValue().asInt()));
            objects.put(environment.getKey(), byStage);
        });
        return Optional.of(new TreeStamp(json.required("inputs").asString(), json.required("root").asString(), scope,
                files, findings, objects));
    }
}
