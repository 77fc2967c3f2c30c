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
import java.util.Objects;
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
import dev.mlgitops.yaml.JsonText;

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
            return fromJson(JsonText.read(Files.readString(file, StandardCharsets.UTF_8)));
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
                Files.writeString(aside, toJson(), StandardCharsets.UTF_8);
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

    private String toJson() {
        return JsonText.pretty(json -> {
            json.writeStartObject();
            json.writeNumberProperty("version", VERSION);
            json.writeStringProperty("inputs", inputs);
            json.writeStringProperty("root", root);
            json.writeArrayPropertyStart("scope");
            scope.forEach(json::writeString);
            json.writeEndArray();
            json.writeObjectPropertyStart("files");
            files.forEach(json::writeStringProperty);
            json.writeEndObject();
            json.writeArrayPropertyStart("findings");
            for (Finding finding : findings) {
                json.writeStartObject();
                json.writeStringProperty("code", finding.code().name());
                json.writeStringProperty("severity", finding.severity().name());
                json.writeStringProperty("jsonPath", finding.jsonPath());
                finding.position().ifPresent(position -> {
                    json.writeObjectPropertyStart("position");
                    json.writeStringProperty("file", position.file());
                    json.writeNumberProperty("line", position.line());
                    json.writeNumberProperty("column", position.column());
                    json.writeEndObject();
                });
                json.writeStringProperty("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectPropertyStart("objects");
            objects.forEach((environment, byStage) -> {
                json.writeObjectPropertyStart(environment);
                byStage.forEach((stage, count) -> json.writeNumberProperty(stage.name(), count));
                json.writeEndObject();
            });
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    /** The stamp of a JSON value as {@link JsonText#read} gives it; a missing or mistyped field throws. */
    private static Optional<TreeStamp> fromJson(Object value) {
        Map<?, ?> json = (Map<?, ?>) value;
        if (!(json.get("version") instanceof Long version) || version != VERSION) {
            return Optional.empty();
        }
        List<String> scope = new ArrayList<>();
        list(json, "scope").forEach(path -> scope.add((String) path));
        SortedMap<String, String> files = new TreeMap<>();
        object(json, "files").forEach((path, digest) -> files.put((String) path, text(digest)));
        List<Finding> findings = new ArrayList<>();
        for (Object entry : list(json, "findings")) {
            Map<?, ?> item = (Map<?, ?>) entry;
            Optional<Position> position = item.get("position") instanceof Map<?, ?> at
                    ? Optional.of(new Position(text(at, "file"), number(at, "line"), number(at, "column")))
                    : Optional.empty();
            findings.add(new Finding(Code.valueOf(text(item, "code")), Severity.valueOf(text(item, "severity")),
                    text(item, "jsonPath"), position, text(item, "message")));
        }
        Map<String, Map<Stage, Integer>> objects = new LinkedHashMap<>();
        object(json, "objects").forEach((environment, stages) -> {
            Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
            ((Map<?, ?>) stages).forEach((stage, count) -> byStage.put(Stage.valueOf((String) stage), Math.toIntExact((Long) count)));
            objects.put((String) environment, byStage);
        });
        return Optional.of(new TreeStamp(text(json, "inputs"), text(json, "root"), scope, files, findings, objects));
    }

    private static List<?> list(Map<?, ?> json, String field) {
        return (List<?>) required(json, field);
    }

    private static Map<?, ?> object(Map<?, ?> json, String field) {
        return (Map<?, ?>) required(json, field);
    }

    private static String text(Map<?, ?> json, String field) {
        return text(required(json, field));
    }

    private static String text(Object value) {
        return (String) Objects.requireNonNull(value);
    }

    private static int number(Map<?, ?> json, String field) {
        return Math.toIntExact((Long) required(json, field));
    }

    private static Object required(Map<?, ?> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            throw new IllegalArgumentException("the stamp has no " + field);
        }
        return value;
    }
}
